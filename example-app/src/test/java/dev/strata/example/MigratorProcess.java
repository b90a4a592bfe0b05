package dev.strata.example;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import dev.strata.test.TestDatabase;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example app's executable jar, launched as a migrator in a child JVM against a test
 * database. Output goes to files, so a chatty child never blocks on a full pipe.
 */
final class MigratorProcess {

	private static final JsonMapper json = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private final Process process;

	private final Path stdout;

	private final Path stderr;

	/** The port the app would listen on if it started its web server. */
	final int port;

	private MigratorProcess(Process process, Path stdout, Path stderr, int port) {
		this.process = process;
		this.stdout = stdout;
		this.stderr = stderr;
		this.port = port;
	}

	/**
	 * Starts {@code java -jar app.jar --spring.profiles.active=migrator ...} on the
	 * database.
	 */
	static MigratorProcess start(TestDatabase database, String... arguments) throws IOException {
		return start(List.of(), database, arguments);
	}

	/**
	 * As {@link #start(TestDatabase, String...)}, from the code generated ahead of time
	 * ({@code -Dspring.aot.enabled=true}).
	 */
	static MigratorProcess startAheadOfTime(TestDatabase database, String... arguments) throws IOException {
		return start(List.of("-Dspring.aot.enabled=true"), database, arguments);
	}

	private static MigratorProcess start(List<String> jvmOptions, TestDatabase database, String... arguments)
			throws IOException {
		int port = freePort();
		List<String> command = new ArrayList<>(List.of(javaExecutable(), "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar(), "--spring.profiles.active=migrator", "--server.port=" + port,
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.username(),
				"--spring.datasource.password=" + database.password()));
		command.addAll(List.of(arguments));
		Path stdout = Files.createTempFile("migrator", ".out");
		Path stderr = Files.createTempFile("migrator", ".err");
		Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile())
			.redirectError(stderr.toFile())
			.start();
		return new MigratorProcess(process, stdout, stderr, port);
	}

	/** Runs a migrator to its end. */
	static Result run(TestDatabase database, String... arguments) throws Exception {
		return start(database, arguments).waitFor();
	}

	Result waitFor() throws Exception {
		if (!this.process.waitFor(60, TimeUnit.SECONDS)) {
			this.process.destroyForcibly();
			throw new AssertionError("The migrator did not exit within 60 s:\n" + Files.readString(this.stderr));
		}
		Result result = new Result(this.process.exitValue(), Files.readString(this.stdout),
				Files.readString(this.stderr), this.port);
		Files.deleteIfExists(this.stdout);
		Files.deleteIfExists(this.stderr);
		return result;
	}

	Process process() {
		return this.process;
	}

	String stderrSoFar() throws IOException {
		return Files.readString(this.stderr);
	}

	static boolean isListening(int port) {
		try (java.net.Socket socket = new java.net.Socket()) {
			socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 200);
			return true;
		}
		catch (IOException ex) {
			return false;
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	static String jar() {
		String jar = System.getProperty("example.jar");
		assertThat(jar).as("system property example.jar (set by the failsafe plugin)").isNotNull();
		assertThat(new File(jar)).as("the executable jar; run 'mvn verify' so that package builds it").isFile();
		return jar;
	}

	private static String javaExecutable() {
		return Path.of(System.getProperty("java.home"), "bin", "java").toString();
	}

	/**
	 * A finished migrator.
	 *
	 * @param exitCode its exit code
	 * @param stdout its standard output
	 * @param stderr its standard error
	 * @param port the port a web server would have used
	 */
	record Result(int exitCode, String stdout, String stderr, int port) {

		/** Standard output as the single JSON document it must be. */
		JsonNode json() {
			return json.readTree(this.stdout);
		}

		String all() {
			return this.stdout + this.stderr;
		}

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- stdout\n" + this.stdout + "\n--- stderr\n" + this.stderr;
		}

	}

}
