package dev.strata.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs one PostgreSQL command-line tool (initdb, pg_ctl) to completion, as the
 * {@link PgUser}, and turns a non-zero exit into an exception carrying the tool's output.
 */
final class PgCommand {

	private static final long TIMEOUT_SECONDS = 60;

	private PgCommand() {
	}

	static String run(PgUser user, Path workingDirectory, List<String> command) {
		List<String> full = new ArrayList<>(user.commandPrefix());
		full.addAll(command);
		ProcessBuilder builder = new ProcessBuilder(full).directory(workingDirectory.toFile())
			.redirectErrorStream(true)
			.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
		// A predictable, locale-independent environment: the tools' messages and initdb's
		// defaults
		// must not depend on whatever LANG the developer or CI happens to have.
		builder.environment().put("LC_ALL", "C");
		builder.environment().put("LANG", "C");
		builder.environment().remove("PGDATA");
		builder.environment().remove("PGPORT");
		try {
			Process process = builder.start();
			// pg_ctl start is run with -l <file>, so the postmaster never holds this pipe
			// open.
			String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new IllegalStateException("Timed out: " + String.join(" ", command) + "\n" + output);
			}
			if (process.exitValue() != 0) {
				throw new IllegalStateException("Command failed with exit code " + process.exitValue() + ": "
						+ String.join(" ", full) + "\n" + output.strip());
			}
			return output;
		}
		catch (IOException e) {
			throw new IllegalStateException("Could not run " + String.join(" ", full), e);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while running " + String.join(" ", command), e);
		}
	}

}
