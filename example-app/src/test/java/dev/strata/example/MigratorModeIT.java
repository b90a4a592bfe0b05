package dev.strata.example;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;

import dev.strata.execute.internal.MigrationLock;
import dev.strata.example.MigratorProcess.Result;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example app's executable jar run as a migrator, as a Kubernetes Job or a
 * docker-compose service would run it: one real process per run, against a fresh
 * database, asserting the exit code, the JSON on standard output, that no port was
 * opened, and the database afterwards.
 */
class MigratorModeIT {

	private final TestDatabase database = PostgresServer.shared().createDatabase();

	@TempDir
	Path migrations;

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	private Result run(String... arguments) throws Exception {
		return MigratorProcess.run(this.database, arguments);
	}

	private long appliedMigrations() {
		return this.database.queryForObject("select count(*) from strata_schema_history where success", Long.class);
	}

	private boolean historyExists() {
		return this.database.queryForObject("select to_regclass('strata_schema_history') is not null", Boolean.class);
	}

	private String filesystemLocation() {
		return "--strata.locations=filesystem:" + this.migrations;
	}

	private void write(String name, String sql) throws Exception {
		Files.writeString(this.migrations.resolve(name), sql);
	}

	@Test
	void migrateExitsZeroWithJsonOnStdoutAndNoWebServer() throws Exception {
		Result result = run("--strata.migrator.output=json");
		assertThat(result.exitCode()).as(result.toString()).isZero();
		JsonNode report = result.json();
		assertThat(report.get("command").asString()).isEqualTo("migrate");
		assertThat(report.get("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(report.get("database").asString()).isEqualTo(this.database.name());
		assertThat(report.get("versionAfter").asString()).isEqualTo("6");
		assertThat(report.get("applied")).hasSize(7);
		assertThat(appliedMigrations()).isEqualTo(7);
		// Logs went to stderr; no web server, no runner of the application.
		assertThat(result.stderr()).contains("Applied V1 (create authors)");
		assertThat(result.all()).doesNotContainIgnoringCase("tomcat").doesNotContain(CatalogueSummary.LOG_PREFIX);
		assertThat(MigratorProcess.isListening(result.port())).isFalse();

		Result again = run();
		assertThat(again.exitCode()).as(again.toString()).isZero();
		assertThat(again.stdout()).contains("Strata migrator: migrate on database", "Result: SUCCESS, exit code 0")
			.doesNotContain("Applied (");
	}

	@Test
	void badConfigurationExitsTwoBeforeTouchingAnything() throws Exception {
		Result unknownCommand = run("--strata.migrator.command=upgrade", "--strata.migrator.output=json");
		assertThat(unknownCommand.exitCode()).as(unknownCommand.toString()).isEqualTo(2);
		assertThat(unknownCommand.json().get("error").get("category").asString()).isEqualTo("CONFIGURATION");

		Result wrongDatabase = run("--strata.migrator.expected-database=production", "--strata.migrator.output=json");
		assertThat(wrongDatabase.exitCode()).as(wrongDatabase.toString()).isEqualTo(2);
		assertThat(wrongDatabase.json().get("error").get("message").asString()).contains("\"production\"");
		assertThat(historyExists()).isFalse();

		Result repair = run("--strata.migrator.command=repair");
		assertThat(repair.exitCode()).as(repair.toString()).isEqualTo(2);
		assertThat(repair.stdout()).contains("strata.migrator.repair.confirm=true");
		assertThat(historyExists()).isFalse();
	}

	@Test
	void aMistypedKeyOrLocationExitsTwoAndAppliesNothing() throws Exception {
		// Issue 12: this typo used to run the default command, migrate, and apply all
		// seven.
		Result typo = run("--strata.migrator.comand=status", "--strata.migrator.output=json");
		assertThat(typo.exitCode()).as(typo.toString()).isEqualTo(2);
		assertThat(typo.json().get("error").get("message").asString()).startsWith(
				"Unknown property strata.migrator.comand (from the command line): did you mean strata.migrator.command?");
		assertThat(typo.json().get("database").isNull()).as("it did not connect").isTrue();
		assertThat(typo.stderr()).doesNotContain("\tat ");

		Result location = run("--strata.locations=filesystem:" + this.migrations.resolve("typo"));
		assertThat(location.exitCode()).as(location.toString()).isEqualTo(2);
		assertThat(location.stdout()).contains("Error (CONFIGURATION): Migration location filesystem:"
				+ this.migrations.resolve("typo") + " does not exist.");
		assertThat(historyExists()).isFalse();

		// A configured classpath location is found inside the executable jar.
		Result inJar = run("--strata.locations=classpath:db/migration", "--strata.migrator.command=status");
		assertThat(inJar.exitCode()).as(inJar.toString()).isZero();
		assertThat(inJar.stdout()).contains("V1 (create authors)");
	}

	@Test
	void validateExitsThreeWithPendingMigrationsOrAChecksumMismatch() throws Exception {
		write("V1__create_shelf.sql", "create table shelf (id int primary key);");
		Result pending = run(filesystemLocation(), "--strata.migrator.command=validate",
				"--strata.migrator.output=json");
		assertThat(pending.exitCode()).as(pending.toString()).isEqualTo(3);
		assertThat(pending.json().get("pending").get(0).get("script").asString()).isEqualTo("V1__create_shelf.sql");

		assertThat(run(filesystemLocation()).exitCode()).isZero();
		write("V1__create_shelf.sql", "create table shelf (id bigint primary key);");
		Result mismatch = run(filesystemLocation(), "--strata.migrator.command=validate",
				"--strata.migrator.output=json");
		assertThat(mismatch.exitCode()).as(mismatch.toString()).isEqualTo(3);
		assertThat(mismatch.json().get("problems").get(0).get("kind").asString()).isEqualTo("CHECKSUM_MISMATCH");
	}

	@Test
	void lintRefusingADropExitsFourWithWorkflowAnnotations() throws Exception {
		write("V1__create_shelf.sql", "create table shelf (id int primary key);");
		assertThat(run(filesystemLocation()).exitCode()).isZero();
		write("V2__drop_shelf.sql", "drop table shelf;");
		Result github = run(filesystemLocation(), "--strata.migrator.command=lint", "--strata.lint.format=github");
		assertThat(github.exitCode()).as(github.toString()).isEqualTo(4);
		assertThat(github.stdout()).containsPattern("(?m)^::error file=[^\\n]*V2__drop_shelf\\.sql,line=1,col=1,")
			.contains("REFUSED: 1 destructive statement not allowed");

		Result json = run(filesystemLocation(), "--strata.migrator.command=lint", "--strata.migrator.output=json");
		assertThat(json.exitCode()).as(json.toString()).isEqualTo(4);
		JsonNode lint = json.json().get("lint");
		assertThat(lint.get("verdict").asString()).isEqualTo("REFUSED");
		assertThat(lint.get("migrations").get(0).get("findings").get(0).get("rule").asString()).isEqualTo("drop-table");
		assertThat(appliedMigrations()).isEqualTo(1);
		assertThat(this.database.queryForObject("select to_regclass('shelf') is not null", Boolean.class)).isTrue();
	}

	@Test
	void driftAfterAHandMadeChangeExitsSevenUntilAccepted() throws Exception {
		write("V1__create_shelf.sql", "create table shelf (id int primary key);");
		assertThat(run(filesystemLocation()).exitCode()).isZero();
		this.database.execute("alter table shelf add column label text");
		Result drift = run(filesystemLocation(), "--strata.migrator.command=drift", "--strata.migrator.output=json");
		assertThat(drift.exitCode()).as(drift.toString()).isEqualTo(7);
		JsonNode report = drift.json();
		assertThat(report.get("error").get("category").asString()).isEqualTo("DRIFT");
		assertThat(report.get("drift").get("state").asString()).isEqualTo("DRIFTED");
		JsonNode change = report.get("drift").get("changes").get(0);
		assertThat(change.get("identity").asString()).isEqualTo("public.shelf");
		assertThat(change.get("columns").get(0).get("identity").asString()).isEqualTo("label");

		Result accepted = run(filesystemLocation(), "--strata.migrator.command=accept-drift",
				"--strata.migrator.accept-drift.confirm=true");
		assertThat(accepted.exitCode()).as(accepted.toString()).isZero();
		assertThat(accepted.stdout()).contains("Accepted drift:", "column label added");
		Result clean = run(filesystemLocation(), "--strata.migrator.command=drift");
		assertThat(clean.exitCode()).as(clean.toString()).isZero();
	}

	@Test
	void aFailingMigrationExitsFiveAndIsRolledBack() throws Exception {
		write("V1__create_shelf.sql", "create table shelf (id int primary key);");
		write("V2__fill_shelf.sql", "insert into shelf values (1);\ninsert into shelf values (1);");
		Result result = run(filesystemLocation(), "--strata.migrator.output=json");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(5);
		assertThat(result.json().get("error").get("category").asString()).isEqualTo("MIGRATION_FAILED");
		assertThat(appliedMigrations()).isEqualTo(1);
		assertThat(this.database.queryForObject("select count(*) from shelf", Long.class)).isZero();
	}

	@Test
	void aLockHeldByAnotherMigratorExitsSix() throws Exception {
		try (Connection other = this.database.connect(); Statement statement = other.createStatement()) {
			statement
				.execute("select pg_advisory_lock(" + MigrationLock.keyFor("public", "strata_schema_history") + ")");
			Result result = run("--strata.lock-wait-timeout=1s", "--strata.migrator.output=json");
			assertThat(result.exitCode()).as(result.toString()).isEqualTo(6);
			assertThat(result.json().get("error").get("category").asString()).isEqualTo("LOCK_TIMEOUT");
		}
		assertThat(historyExists()).isFalse();
	}

	@Test
	void aHistoryTableStrataDidNotCreateIsAnUnexpectedErrorExitingOne() throws Exception {
		// Not a case Strata plans for: a table with the history's name but another shape.
		this.database.execute("create table strata_schema_history (id int)");
		Result result = run("--strata.migrator.output=json");
		assertThat(result.exitCode()).as(result.toString()).isEqualTo(1);
		assertThat(result.json().get("error").get("category").asString()).isEqualTo("UNEXPECTED");
	}

	@Test
	void aMigratorKilledMidMigrationLeavesNoHalfAndNoLock() throws Exception {
		// The sleep's length is a database setting, so the same file is slow in the first
		// run only.
		this.database.execute("alter database " + this.database.name() + " set strata_test.sleep = '60'");
		write("V1__slow.sql", """
				create table half_a (id int);
				select pg_sleep(current_setting('strata_test.sleep')::float);
				create table half_b (id int);
				""");
		MigratorProcess migrator = MigratorProcess.start(this.database, filesystemLocation());
		awaitSleepingMigration(migrator);
		assertThat(MigratorProcess.isListening(migrator.port)).as("a port opened by the migrator").isFalse();
		migrator.process().destroyForcibly().waitFor();

		awaitNoOtherSession();
		assertThat(this.database.queryForObject("select to_regclass('half_a') is null", Boolean.class)).isTrue();
		assertThat(
				this.database.queryForObject("select count(*) from pg_locks where locktype = 'advisory'", Long.class))
			.isZero();

		this.database.execute("alter database " + this.database.name() + " set strata_test.sleep = '0'");
		Result next = run(filesystemLocation());
		assertThat(next.exitCode()).as(next.toString()).isZero();
		assertThat(appliedMigrations()).isEqualTo(1);
		assertThat(this.database.queryForObject("select to_regclass('half_b') is not null", Boolean.class)).isTrue();
	}

	@Test
	void separateCredentialsMigrateAndNeverAppearInOutput() throws Exception {
		String suffix = Long.toString(System.nanoTime(), 36);
		String migrator = "strata_migrator_" + suffix;
		String app = "strata_app_" + suffix;
		String canary = "Canary-" + suffix + "-pw";
		this.database.execute("create role " + migrator + " login password '" + canary + "'; create role " + app
				+ " login password 'app-secret-" + suffix + "'; grant all on schema public to " + migrator
				+ "; grant create on database " + this.database.name() + " to " + migrator);
		try {
			Result result = run("--spring.datasource.username=" + app,
					"--spring.datasource.password=app-secret-" + suffix, "--strata.user=" + migrator,
					"--strata.password=" + canary, "--strata.migrator.output=json");
			assertThat(result.exitCode()).as(result.toString()).isZero();
			assertThat(this.database.queryForObject("select distinct installed_by from strata_schema_history",
					String.class))
				.isEqualTo(migrator);
			Result refused = run("--strata.user=" + migrator, "--strata.password=" + canary,
					"--strata.migrator.expected-database=elsewhere");
			assertThat(refused.exitCode()).isEqualTo(2);
			assertThat(result.all() + refused.all()).doesNotContain(canary);
		}
		finally {
			this.database
				.execute("drop owned by " + migrator + " cascade; drop role " + migrator + "; drop role " + app);
		}
	}

	private void awaitSleepingMigration(MigratorProcess migrator) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (!migrator.process().isAlive()) {
				throw new AssertionError("The migrator exited early:\n" + migrator.stderrSoFar());
			}
			if (this.database.queryForObject("select count(*) from pg_stat_activity where datname = '"
					+ this.database.name() + "' and query like 'select pg_sleep%'", Long.class) > 0) {
				return;
			}
			Thread.sleep(100);
		}
		throw new AssertionError("The slow migration never started:\n" + migrator.stderrSoFar());
	}

	/**
	 * The server notices the dead client within client_connection_check_interval (5 s)
	 * and rolls back.
	 */
	private void awaitNoOtherSession() throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
		while (System.nanoTime() < deadline) {
			if (this.database.queryForObject("select count(*) from pg_stat_activity where datname = '"
					+ this.database.name() + "' and pid <> pg_backend_pid()", Long.class) == 0) {
				return;
			}
			Thread.sleep(200);
		}
		throw new AssertionError("The killed migrator's sessions are still on the server");
	}

}
