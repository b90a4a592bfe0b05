package dev.strata.source.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import dev.strata.source.MigrationSourceException;

/**
 * Turns a file's bytes into the text Strata runs and checksums: strict UTF-8, a leading
 * BOM dropped, CRLF and CR line endings made LF. Checksumming the normalised text means a
 * Windows checkout or an editor that adds a BOM never reads as an edited migration.
 */
public final class MigrationText {

	private MigrationText() {
	}

	/**
	 * The normalised text. @throws MigrationSourceException naming the file if it is not
	 * UTF-8
	 */
	public static String decode(byte[] bytes, String file) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		String text;
		try {
			CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
			text = chars.toString();
		}
		catch (MalformedInputException ex) {
			int offset = firstBadByte(bytes);
			throw new MigrationSourceException(file + ":" + lineOf(bytes, offset),
					"is not valid UTF-8 (byte " + offset + ")", "save the file as UTF-8");
		}
		catch (CharacterCodingException ex) {
			throw new MigrationSourceException(file, "is not valid UTF-8", "save the file as UTF-8", ex);
		}
		return normaliseLineEndings(text.startsWith("\uFEFF") ? text.substring(1) : text);
	}

	/**
	 * The checksum of a file's normalised text, from its bytes. Without a BOM or a
	 * carriage return the bytes are already the normalised text's UTF-8, so they are
	 * checksummed as they are; only other files are decoded first.
	 */
	public static int checksum(byte[] bytes, String file) {
		if (!startsWithBom(bytes) && !containsCarriageReturn(bytes)) {
			CRC32 crc = new CRC32();
			crc.update(bytes);
			return (int) crc.getValue();
		}
		return checksum(decode(bytes, file));
	}

	private static boolean startsWithBom(byte[] bytes) {
		return bytes.length >= 3 && bytes[0] == (byte) 0xEF && bytes[1] == (byte) 0xBB && bytes[2] == (byte) 0xBF;
	}

	private static boolean containsCarriageReturn(byte[] bytes) {
		for (byte b : bytes) {
			if (b == '\r') {
				return true;
			}
		}
		return false;
	}

	/** CRC-32 over the UTF-8 bytes of normalised text. */
	public static int checksum(String normalisedText) {
		CRC32 crc = new CRC32();
		crc.update(normalisedText.getBytes(StandardCharsets.UTF_8));
		return (int) crc.getValue();
	}

	private static String normaliseLineEndings(String text) {
		if (text.indexOf('\r') < 0) {
			return text;
		}
		StringBuilder out = new StringBuilder(text.length());
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\r') {
				out.append('\n');
				if (i + 1 < text.length() && text.charAt(i + 1) == '\n') {
					i++;
				}
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

	private static int firstBadByte(byte[] bytes) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(bytes);
		CharBuffer out = CharBuffer.allocate(bytes.length + 1);
		decoder.decode(in, out, true);
		return in.position();
	}

	private static int lineOf(byte[] bytes, int offset) {
		int line = 1;
		for (int i = 0; i < offset && i < bytes.length; i++) {
			if (bytes[i] == '\n') {
				line++;
			}
		}
		return line;
	}

}
