package dev.strata.migration.sql.internal;

import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

/**
 * The checksum Flyway records for a SQL file, computed as Flyway computes it: a CRC-32
 * over the UTF-8 bytes of the file's lines, each without its line ending, after a
 * byte-order mark at the start is dropped. So line endings (LF, CRLF, CR) and a BOM do
 * not change it, and neither do blank lines, while any other character does. Flyway
 * replaces placeholders before the checksum of a repeatable migration only (so that a new
 * value runs it again), never before a versioned one's.
 */
public final class FlywayChecksum {

	private FlywayChecksum() {
	}

	/**
	 * @param text the file's text (a leading BOM is ignored)
	 */
	public static int of(String text) {
		CRC32 crc = new CRC32();
		int start = (!text.isEmpty() && text.charAt(0) == '\uFEFF') ? 1 : 0;
		int lineStart = start;
		for (int i = start; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\n' || c == '\r') {
				update(crc, text, lineStart, i);
				lineStart = i + 1;
			}
		}
		update(crc, text, lineStart, text.length());
		return (int) crc.getValue();
	}

	private static void update(CRC32 crc, String text, int from, int to) {
		if (from < to) {
			crc.update(text.substring(from, to).getBytes(StandardCharsets.UTF_8));
		}
	}

}
