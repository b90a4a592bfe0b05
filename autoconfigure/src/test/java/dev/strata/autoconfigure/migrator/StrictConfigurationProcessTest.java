package dev.strata.autoconfigure.migrator;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migrator with a mistake in its {@code strata.*} configuration, as a real process: it
 * exits with code 2 before it connects to anything, having printed what was wrong and no
 * stack trace. The mistake that started issue 12: {@code strata.migrator.comand=status}
 * ran {@code migrate} and applied a migration.
 */
class StrictConfigurationProcessTest {

	private final TestDatabase database = PostgresServer.shared().createDatabase();

	@TempDir
	Path migrations;

	@BeforeEach
	void pendingMigration() throws IOException {
		Files.writeString(this.migrations.resolve("V1__create_book.sql"), "create table book (id int primary key);");
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void aMistypedCommandExitsTwoBeforeConnecting() throws Exception {
		try (ServerSocket fakeDatabase = new ServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
			String url = "--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + fakeDatabase.getLocalPort()
					+ "/app?loginTimeout=2";
			Result typo = run(Map.of(), url, "--strata.migrator.comand=status");
			assertThat(typo.exitCode).as(typo.toString()).isEqualTo(2);
			assertThat(typo.stdout).contains(
					"Error (CONFIGURATION): Unknown property strata.migrator.comand (from"
							+ " the command line): did you mean strata.migrator.command?",
					"Result: FAILURE, exit code 2");
			assertThat(typo.stdout + typo.stderr).doesNotContain("\tat ", "Exception");
			assertThat(connectionAttempted(fakeDatabase)).as("nothing connected to the database").isFalse();

			// The same run with the key spelt right does reach the database (and fails
			// there, as nothing answers).
			Result spelt = run(Map.of(), url, "--strata.migrator.command=status");
			assertThat(spelt.exitCode).as(spelt.toString()).isEqualTo(2);
			assertThat(spelt.stdout).contains("Could not connect");
			assertThat(connectionAttempted(fakeDatabase)).isTrue();
		}
	}

	@Test
	void aMistypedCommandAppliesNothingAndTheRelaxedNameOfTheRightOneWorks() throws Exception {
		Result typo = run(Map.of(), databaseUrl(), "--strata.migrator.comand=status", "--strata.migrator.output=json");
		assertThat(typo.exitCode).as(typo.toString()).isEqualTo(2);
		assertThat(typo.stdout).contains("\"category\": \"CONFIGURATION\"", "strata.migrator.comand",
				"\"database\": null");
		assertThat(tableExists("strata_schema_history")).isFalse();
		assertThat(tableExists("book")).as("the pending migration was not applied").isFalse();

		Result environmentVariable = run(Map.of("STRATA_MIGRATOR_COMMAND", "status"), databaseUrl());
		assertThat(environmentVariable.exitCode).as(environmentVariable.toString()).isZero();
		assertThat(environmentVariable.stdout).contains("Strata migrator: status on database", "V1 (create book)");
		assertThat(tableExists("book")).isFalse();
	}

	@Test
	void aBadValueExitsTwoListingTheValidValues() throws Exception {
		Result result = run(Map.of(), databaseUrl(), "--strata.migrator.command=stauts");
		assertThat(result.exitCode).as(result.toString()).isEqualTo(2);
		assertThat(result.stdout).contains("Strata migrator: stauts\n",
				"Error (CONFIGURATION): Invalid value 'stauts' for strata.migrator.command (from the command line):"
						+ " the valid values are migrate, validate, status, dry-run, baseline, repair, lint, drift,"
						+ " accept-drift, archives, restore, purge-archives, undo; did you mean status?");
		assertThat(result.stdout + result.stderr).doesNotContain("\tat ", "Exception", "No enum constant");
		assertThat(tableExists("strata_schema_history")).isFalse();
	}

	private String databaseUrl() {
		return "--spring.datasource.url=" + this.database.jdbcUrl();
	}

	private boolean tableExists(String table) {
		return this.database.queryForObject("select to_regclass('" + table + "') is not null", Boolean.class);
	}

	/**
	 * Whether anything connected since the last call: connections wait in the backlog.
	 */
	private static boolean connectionAttempted(ServerSocket socket) throws IOException {
		socket.setSoTimeout(200);
		try (Socket connection = socket.accept()) {
			return true;
		}
		catch (SocketTimeoutException ex) {
			return false;
		}
	}

	private Result run(Map<String, String> environment, String... arguments) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		// The test class path holds spring-boot-docker-compose (for the service
		// connection tests), which outside a test JVM would look for a compose file.
		List<String> command = new ArrayList<>(
				List.of(java, "-XX:TieredStopAtLevel=1", "-Dspring.docker.compose.enabled=false", "-cp",
						System.getProperty("java.class.path"), Migrator.class.getName(),
						"--strata.migrator.enabled=true", "--spring.datasource.username=" + this.database.username(),
						"--spring.datasource.password=" + this.database.password(),
						"--strata.locations=filesystem:" + this.migrations, "--logging.level.dev.strata=info"));
		command.addAll(List.of(arguments));
		Path stdout = Files.createTempFile("migrator", ".out");
		Path stderr = Files.createTempFile("migrator", ".err");
		try {
			ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(stdout.toFile())
				.redirectError(stderr.toFile());
			builder.environment().putAll(environment);
			Process process = builder.start();
			if (!process.waitFor(60, TimeUnit.SECONDS)) {
				process.destroyForcibly();
				throw new AssertionError("The migrator did not exit within 60 s:\n" + Files.readString(stderr));
			}
			return new Result(process.exitValue(), Files.readString(stdout), Files.readString(stderr));
		}
		finally {
			Files.deleteIfExists(stdout);
			Files.deleteIfExists(stderr);
		}
	}

	private record Result(int exitCode, String stdout, String stderr) {

		@Override
		public String toString() {
			return "exit " + this.exitCode + "\n--- stdout\n" + this.stdout + "\n--- stderr\n" + this.stderr;
		}

	}

	/** The child: an application with Strata, run as a migrator. */
	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ DataSourceAutoConfiguration.class, StrataAutoConfiguration.class,
			StrataMigratorAutoConfiguration.class })
	static class Migrator {

		public static void main(String[] args) {
			SpringApplication.run(Migrator.class, args);
		}

	}

}
