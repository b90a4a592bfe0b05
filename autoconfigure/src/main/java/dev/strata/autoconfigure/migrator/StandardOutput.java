package dev.strata.autoconfigure.migrator;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * The process's real standard output. In JSON mode {@code System.out} is pointed at
 * standard error so that nothing but the report reaches standard output; the report is
 * written to the file descriptor itself, which that redirection does not affect.
 */
final class StandardOutput {

	private StandardOutput() {
	}

	static void redirectToStandardError() {
		System.out.flush();
		System.setOut(System.err);
	}

	/** Writes the text to file descriptor 1 and flushes it. */
	static void write(String text) {
		PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), false, StandardCharsets.UTF_8);
		out.print(text);
		out.flush();
	}

}
