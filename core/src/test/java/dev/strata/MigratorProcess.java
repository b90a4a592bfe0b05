package dev.strata;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.strata.test.TestDatabase;

/**
 * A {@link MigrateMain} in a JVM of its own, its output in a log file: what the tests
 * kill, race and cut off, as an operator's migrator job would be.
 */
final class MigratorProcess {

	private final Process process;

	private final File log;

	private MigratorProcess(Process process, File log) {
		this.process = process;
		this.log = log;
	}

	/**
	 * Migrates {@code db} at {@code location}; {@code extra} are MigrateMain's optional
	 * arguments.
	 */
	static MigratorProcess start(TestDatabase db, String location, Path log, String... extra) {
		return start(db.jdbcUrl(), db, location, log, extra);
	}

	/**
	 * As {@link #start(TestDatabase, String, Path, String...)}, connecting through
	 * {@code url}.
	 */
	static MigratorProcess start(String url, TestDatabase db, String location, Path log, String... extra) {
		return start(url, db, location, log, Map.of(), extra);
	}

	/**
	 * As {@link #start(String, TestDatabase, String, Path, String...)}, with environment
	 * variables for {@link MigrateMain}.
	 */
	static MigratorProcess start(String url, TestDatabase db, String location, Path log,
			Map<String, String> environment, String... extra) {
		return start(List.of(), url, db, location, log, environment, extra);
	}

	/**
	 * As {@link #start(String, TestDatabase, String, Path, Map, String...)}, the JVM
	 * launched through {@code launcher} (a command that runs the rest of its arguments,
	 * such as {@code setpriv} with its options).
	 */
	static MigratorProcess start(List<String> launcher, String url, TestDatabase db, String location, Path log,
			Map<String, String> environment, String... extra) {
		List<String> command = new ArrayList<>(launcher);
		command.addAll(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				// The short-lived JVM starts faster without the optimising
				// compiler.
				"-XX:TieredStopAtLevel=1", "-cp", System.getProperty("java.class.path"), MigrateMain.class.getName(),
				url, db.username(), db.password(), location));
		command.addAll(List.of(extra));
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
			builder.environment().putAll(environment);
			return new MigratorProcess(builder.start(), log.toFile());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	Process process() {
		return this.process;
	}

	/** Waits for it to end and returns its exit code. */
	int exitCode(long timeoutSeconds) throws InterruptedException {
		if (!this.process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			throw new IllegalStateException("The migrator did not finish within " + timeoutSeconds + " s:\n" + log());
		}
		return this.process.exitValue();
	}

	/** What it printed so far. */
	String log() {
		try {
			return Files.readString(this.log.toPath());
		}
		catch (IOException ex) {
			return "(no log: " + ex.getMessage() + ")";
		}
	}

}
