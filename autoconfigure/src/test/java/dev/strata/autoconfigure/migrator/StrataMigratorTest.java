package dev.strata.autoconfigure.migrator;

import java.nio.file.Path;

import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;

import static org.assertj.core.api.Assertions.assertThat;

/** The migrator's commands, guards and reports, against a real PostgreSQL, inside the test JVM. */
class StrataMigratorTest {

	private final TestDatabase database = PostgresServer.shared().createDatabase();

	@TempDir
	Path migrations;

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	private void twoMigrations() {
		MigratorRun.write(this.migrations, "V1__create_book.sql", "create table book (id int primary key, title text);");
		MigratorRun.write(this.migrations, "V2__add_author.sql", "alter table book add column author text;");
	}

	private MigratorRun run(String... properties) {
		return MigratorRun.run(this.database, this.migrations, properties);
	}

	private long historyRows() {
		return this.database.queryForObject("select count(*) from strata_schema_history", Long.class);
	}

	private boolean historyExists() {
		return this.database.queryForObject("select to_regclass('strata_schema_history') is not null", Boolean.class);
	}

	@Test
	void migrateIsTheDefaultAndReportsAppliedMigrationsAsJson() {
		twoMigrations();
		MigratorRun run = run("strata.migrator.output=json");
		assertThat(run.exitCode).as(run.toString()).isZero();
		JsonNode report = run.json();
		assertThat(report.get("command").asString()).isEqualTo("migrate");
		assertThat(report.get("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(report.get("exitCode").asInt()).isZero();
		assertThat(report.get("database").asString()).isEqualTo(this.database.name());
		assertThat(report.get("schema").asString()).isEqualTo("public");
		assertThat(report.get("versionBefore").isNull()).isTrue();
		assertThat(report.get("versionAfter").asString()).isEqualTo("2");
		assertThat(report.get("applied")).hasSize(2);
		assertThat(report.get("applied").get(0).get("script").asString()).isEqualTo("V1__create_book.sql");
		assertThat(report.get("applied").get(0).get("transactional").asBoolean()).isTrue();
		assertThat(report.get("error").isNull()).isTrue();
		assertThat(report.get("durationMs").asLong()).isNotNegative();
		assertThat(historyRows()).isEqualTo(2);
	}

	@Test
	void jsonReportHasEveryDocumentedFieldWhateverTheCommand() {
		twoMigrations();
		for (String command : new String[] { "migrate", "validate", "status", "dry-run", "lint" }) {
			JsonNode report = run("strata.migrator.output=json", "strata.migrator.command=" + command).json();
			assertThat(report.propertyNames()).containsExactly("formatVersion", "command", "outcome", "exitCode",
					"database", "schema", "versionBefore", "versionAfter", "applied", "pending", "migrations",
					"problems", "dryRun", "removedFailed", "realigned", "warnings", "error", "durationMs");
		}
	}

	@Test
	void textSummaryNamesWhatWasAppliedAndTheVersion() {
		twoMigrations();
		MigratorRun run = run();
		assertThat(run.exitCode).isZero();
		assertThat(run.output).contains("Strata migrator: migrate on database \"" + this.database.name() + "\"",
				"Applied (2):", "V1 (create book)", "Version: <none> -> 2", "Result: SUCCESS, exit code 0");
	}

	@Test
	void validateExitsThreeWhenMigrationsArePending() {
		twoMigrations();
		MigratorRun run = run("strata.migrator.command=validate", "strata.migrator.output=json");
		assertThat(run.exitCode).isEqualTo(3);
		JsonNode report = run.json();
		assertThat(report.get("pending")).hasSize(2);
		assertThat(report.get("error").get("category").asString()).isEqualTo("VALIDATION");
		assertThat(historyExists()).isFalse();
	}

	@Test
	void validateExitsThreeOnAChecksumMismatchAndZeroWhenUpToDate() {
		twoMigrations();
		assertThat(run().exitCode).isZero();
		assertThat(run("strata.migrator.command=validate").exitCode).isZero();
		MigratorRun.write(this.migrations, "V2__add_author.sql", "alter table book add column author varchar(100);");
		MigratorRun run = run("strata.migrator.command=validate", "strata.migrator.output=json");
		assertThat(run.exitCode).isEqualTo(3);
		assertThat(run.json().get("problems").get(0).get("kind").asString()).isEqualTo("CHECKSUM_MISMATCH");
	}

	@Test
	void statusExitsZeroEvenWhenInvalidAndListsEveryMigration() {
		twoMigrations();
		run();
		MigratorRun.write(this.migrations, "V2__add_author.sql", "alter table book add column author varchar(100);");
		MigratorRun.write(this.migrations, "V3__add_isbn.sql", "alter table book add column isbn text;");
		MigratorRun run = run("strata.migrator.command=status", "strata.migrator.output=json");
		assertThat(run.exitCode).isZero();
		JsonNode report = run.json();
		assertThat(report.get("migrations")).hasSize(3);
		assertThat(report.get("migrations").get(1).get("state").asString()).isEqualTo("CHECKSUM_MISMATCH");
		assertThat(report.get("migrations").get(0).get("installedOn").isNull()).isFalse();
		assertThat(report.get("pending")).hasSize(1);
		assertThat(report.get("problems")).hasSize(1);
	}

	@Test
	void dryRunPrintsStatementsAndTransactionsAndTouchesNothing() {
		twoMigrations();
		MigratorRun.write(this.migrations, "V3__index_title.sql",
				"-- builds without blocking writes\ncreate index concurrently book_title on book (title);");
		MigratorRun run = run("strata.migrator.command=dry-run", "strata.migrator.output=json");
		assertThat(run.exitCode).as(run.toString()).isZero();
		JsonNode dryRun = run.json().get("dryRun");
		assertThat(dryRun).hasSize(3);
		assertThat(dryRun.get(0).get("transactional").asBoolean()).isTrue();
		assertThat(dryRun.get(0).get("statements").get(0).get("sql").asString())
			.isEqualTo("create table book (id int primary key, title text)");
		assertThat(dryRun.get(2).get("transactional").asBoolean()).isFalse();
		assertThat(dryRun.get(2).get("nonTransactionalReason").asString()).contains("CONCURRENTLY");
		assertThat(dryRun.get(2).get("statements").get(0).get("line").asInt()).isEqualTo(2);
		assertThat(historyExists()).isFalse();
		assertThat(this.database.queryForObject("select to_regclass('book') is null", Boolean.class)).isTrue();
		assertThat(run("strata.migrator.command=dry-run").output).contains("outside a transaction: ",
				"line 2: create index concurrently book_title on book (title);");
	}

	@Test
	void dryRunOfAFileThatCannotBeSplitFailsWithExitThree() {
		twoMigrations();
		MigratorRun.write(this.migrations, "V3__broken.sql", "insert into book (title) values ('unterminated);");
		MigratorRun run = run("strata.migrator.command=dry-run", "strata.migrator.output=json");
		assertThat(run.exitCode).isEqualTo(3);
		assertThat(run.json().get("error").get("message").asString()).contains("V3__broken.sql");
	}

	@Test
	void baselineRecordsTheVersionOfAnExistingDatabase() {
		twoMigrations();
		this.database.execute("create table book (id int primary key, title text, author text)");
		assertThat(run().exitCode).as("migrate refuses a schema with tables but no history").isEqualTo(3);
		MigratorRun run = run("strata.migrator.command=baseline", "strata.baseline-version=2");
		assertThat(run.exitCode).as(run.toString()).isZero();
		assertThat(run("strata.migrator.command=validate").exitCode).isZero();
	}

	@Test
	void repairRefusesWithoutConfirmationAndListsRealignmentsWithIt() {
		twoMigrations();
		run();
		MigratorRun.write(this.migrations, "V2__add_author.sql", "alter table book add column author varchar(100);");
		int checksum = this.database.queryForObject("select checksum from strata_schema_history where version = '2'",
				Integer.class);
		MigratorRun refused = run("strata.migrator.command=repair", "strata.migrator.output=json");
		assertThat(refused.exitCode).isEqualTo(2);
		assertThat(refused.json().get("error").get("message").asString())
			.contains("strata.migrator.repair.confirm=true");
		assertThat(this.database.queryForObject("select checksum from strata_schema_history where version = '2'",
				Integer.class))
			.isEqualTo(checksum);
		MigratorRun repaired = run("strata.migrator.command=repair", "strata.migrator.repair.confirm=true",
				"strata.migrator.output=json");
		assertThat(repaired.exitCode).isZero();
		assertThat(repaired.json().get("realigned").get(0).asString()).startsWith("V2 (add author): checksum ");
		assertThat(run("strata.migrator.command=validate").exitCode).isZero();
	}

	@Test
	void lintAndDriftAreNotAvailableYet() {
		twoMigrations();
		for (String command : new String[] { "lint", "drift" }) {
			MigratorRun run = run("strata.migrator.command=" + command);
			assertThat(run.exitCode).isEqualTo(2);
			assertThat(run.output).contains("The '" + command + "' command is not available yet in this version");
		}
	}

	@Test
	void anUnknownCommandIsABadConfigurationReportedInTheRequestedFormat() {
		MigratorRun run = run("strata.migrator.command=upgrade", "strata.migrator.output=json");
		assertThat(run.exitCode).isEqualTo(2);
		assertThat(run.json().get("command").asString()).isEqualTo("upgrade");
		assertThat(run.json().get("error").get("category").asString()).isEqualTo("CONFIGURATION");
	}

	@Test
	void aWrongExpectedDatabaseIsRefusedBeforeAnythingIsTouched() {
		twoMigrations();
		MigratorRun run = run("strata.migrator.expected-database=production_db", "strata.migrator.output=json");
		assertThat(run.exitCode).isEqualTo(2);
		assertThat(run.json().get("error").get("message").asString()).contains("production_db",
				this.database.name());
		assertThat(historyExists()).isFalse();
		assertThat(run("strata.migrator.expected-database=" + this.database.name()).exitCode).isZero();
	}

	@Test
	void theEnvironmentLabelMustMatchTheDatabasesOwn() {
		twoMigrations();
		MigratorRun unlabelled = run("strata.migrator.environment=production");
		assertThat(unlabelled.exitCode).isEqualTo(2);
		assertThat(unlabelled.output).contains("has no environment label",
				"ALTER DATABASE " + this.database.name() + " SET strata.environment = 'production'");
		this.database.execute("alter database " + this.database.name() + " set strata.environment = 'staging'");
		assertThat(run("strata.migrator.environment=production").output).contains("is labelled \"staging\"");
		assertThat(historyExists()).isFalse();
		assertThat(run("strata.migrator.environment=staging").exitCode).isZero();
	}

	@Test
	void aRequiredEnvironmentMustBeGiven() {
		twoMigrations();
		MigratorRun run = run("strata.migrator.require-environment=true");
		assertThat(run.exitCode).isEqualTo(2);
		assertThat(run.output).contains("strata.migrator.environment is not set");
		assertThat(historyExists()).isFalse();
	}

	@Test
	void onStartupIsIgnoredInMigratorMode() {
		twoMigrations();
		MigratorRun run = run("strata.on-startup=migrate", "strata.migrator.command=status");
		assertThat(run.exitCode).isZero();
		assertThat(historyExists()).isFalse();
	}

	@Test
	void aMigratorWithoutADatabaseFailsWithExitTwo() {
		AutoConfigurations withoutDataSource = AutoConfigurations.of(StrataAutoConfiguration.class,
				StrataMigratorAutoConfiguration.class);
		MigratorRun run = MigratorRun.runWith(withoutDataSource, "strata.migrator.enabled=true");
		assertThat(run.exitCode).isEqualTo(2);
		assertThat(run.output).contains("Strata is not active");
		twoMigrations();
		MigratorRun disabled = run("strata.enabled=false");
		assertThat(disabled.exitCode).isEqualTo(2);
		assertThat(disabled.output).contains("Strata is not active");
	}

	@Test
	void aFailingMigrationExitsFiveAndKeepsTheOnesBefore() {
		twoMigrations();
		MigratorRun.write(this.migrations, "V3__broken.sql", "alter table book add column price numeric;\nselect 1/0;");
		MigratorRun run = run("strata.migrator.output=json");
		assertThat(run.exitCode).isEqualTo(5);
		assertThat(run.json().get("error").get("category").asString()).isEqualTo("MIGRATION_FAILED");
		assertThat(historyRows()).isEqualTo(2);
		assertThat(this.database.queryForObject(
				"select count(*) from information_schema.columns where table_name = 'book' and column_name = 'price'",
				Long.class))
			.isZero();
	}

	@Test
	void credentialsNeverAppearInTheReport() {
		twoMigrations();
		String canary = "canary-Pa55word-" + System.nanoTime();
		this.database.execute("create role strata_canary login password '" + canary + "'");
		try {
			String[] credentials = { "strata.user=strata_canary", "strata.password=" + canary };
			MigratorRun refused = run(credentials[0], credentials[1], "strata.migrator.output=json");
			assertThat(refused.exitCode).as("no CREATE right on schema public").isNotZero();
			MigratorRun unknown = run("strata.user=nobody_here", "strata.password=" + canary);
			assertThat(unknown.exitCode).isEqualTo(2);
			MigratorRun inUrl = run("strata.url=" + this.database.jdbcUrl() + "?user=nobody_here&password=" + canary);
			assertThat(inUrl.exitCode).isEqualTo(2);
			assertThat(refused.output + unknown.output + inUrl.output).doesNotContain(canary);
		}
		finally {
			this.database.execute("drop owned by strata_canary; drop role strata_canary");
		}
	}

}
