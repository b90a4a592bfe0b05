package dev.strata.autoconfigure.migrator;

import java.nio.file.Path;

import dev.strata.autoconfigure.JsonSchemas;
import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.migration.sql.internal.FlywayChecksum;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.autoconfigure.AutoConfigurations;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrator's commands, guards and reports, against a real PostgreSQL, inside the test
 * JVM.
 */
class StrataMigratorTest {

	private final TestDatabase database = PostgresServer.shared().createDatabase();

	@TempDir
	Path migrations;

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	private void twoMigrations() {
		MigratorRun.write(this.migrations, "V1__create_book.sql",
				"create table book (id int primary key, title text);");
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
		for (String command : new String[] { "migrate", "validate", "status", "dry-run", "lint", "drift",
				"accept-drift", "archives", "purge-archives", "undo" }) {
			JsonNode report = run("strata.migrator.output=json", "strata.migrator.command=" + command).json();
			assertThat(report.propertyNames()).containsExactly("formatVersion", "command", "outcome", "exitCode",
					"database", "schema", "versionBefore", "versionAfter", "applied", "adopted", "undone", "pending",
					"migrations", "problems", "dryRun", "removedFailed", "realigned", "lint", "drift", "snapshot",
					"warnings", "slowStatements", "fleet", "error", "durationMs", "archives");
		}
	}

	@Test
	void archivesListsWhatAnAllowedDropKeptAndRestoreNeedsConfirmation() {
		MigratorRun.write(this.migrations, "V1__create_book.sql",
				"create table book (id int primary key, title text);\ninsert into book values (1, 'a'), (2, 'b');");
		MigratorRun.write(this.migrations, "V2__drop_book.sql",
				"-- strata:allow drop-table reason=\"replaced\"\ndrop table book;");
		assertThat(run().exitCode).isZero();
		MigratorRun listed = run("strata.migrator.command=archives", "strata.migrator.output=json");
		assertThat(listed.exitCode).as(listed.toString()).isZero();
		JsonNode archive = listed.json().get("archives").get(0);
		assertThat(archive.get("kind").asString()).isEqualTo("DROPPED_TABLE");
		assertThat(archive.get("object").asString()).isEqualTo("public.book");
		assertThat(archive.get("rows").asLong()).isEqualTo(2);
		long id = archive.get("id").asLong();
		assertThat(run("strata.migrator.command=archives").output)
			.contains("Archives:\n  - " + id + ": DROPPED_TABLE of public.book by V2 line 2, 2 rows");

		MigratorRun refused = run("strata.migrator.command=restore", "strata.migrator.restore.id=" + id);
		assertThat(refused.exitCode).isEqualTo(2);
		assertThat(refused.output).contains("strata.migrator.restore.confirm=true");
		assertThat(this.database.queryForObject("select to_regclass('book') is null", Boolean.class)).isTrue();

		MigratorRun restored = run("strata.migrator.command=restore", "strata.migrator.restore.id=" + id,
				"strata.migrator.restore.confirm=true", "strata.migrator.output=json");
		assertThat(restored.exitCode).as(restored.toString()).isZero();
		assertThat(restored.json().get("archives").get(0).get("restoredAt").isNull()).isFalse();
		assertThat(this.database.queryForObject("select string_agg(title, ',' order by id) from book", String.class))
			.isEqualTo("a,b");
		assertThat(this.database.queryForObject("select count(*) from strata_schema_history where type = 'RESTORE'",
				Long.class))
			.isOne();
		assertThat(run("strata.migrator.command=validate").exitCode).isZero();
	}

	@Test
	void migrateListsTheStatementsThatRanLongerThanTheProgressInterval() {
		MigratorRun.write(this.migrations, "V1__slow.sql",
				"create table book (id int);\n\nselect pg_sleep(0.8);\ncreate table shelf (id int);");
		MigratorRun.write(this.migrations, "V2__quick.sql", "alter table book add column title text;");
		MigratorRun run = run("strata.migrator.output=json", "strata.progress-interval=200ms");
		assertThat(run.exitCode).as(run.toString()).isZero();
		JsonNode slow = run.json().get("slowStatements");
		assertThat(slow).as(run.toString()).singleElement().satisfies((statement) -> {
			assertThat(statement.get("migration").asString()).isEqualTo("V1 (slow)");
			assertThat(statement.get("script").asString()).isEqualTo("V1__slow.sql");
			assertThat(statement.get("line").asInt()).isEqualTo(3);
			assertThat(statement.get("elapsedMs").asLong()).isBetween(750L, 5000L);
			assertThat(statement.get("phase").isNull()).isTrue();
		});
		MigratorRun.write(this.migrations, "V3__slow_again.sql", "select pg_sleep(0.5);");
		MigratorRun text = run("strata.progress-interval=200ms");
		assertThat(text.output).as(text.toString())
			.containsPattern("Slow statements:\n  - V3 \\(slow again\\) line 1: \\d+ ms\n");
		MigratorRun quiet = run("strata.migrator.output=json", "strata.migrator.command=status",
				"strata.progress-interval=0");
		assertThat(quiet.json().get("slowStatements")).isEmpty();
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
	void aSchemaFlywayMigratedExitsThreeUntilAdoptedAndTheAdoptionIsReported() {
		twoMigrations();
		MigratorRun.write(this.migrations, "V3__add_isbn.sql", "alter table book add column isbn text;");
		// Flyway's table as Flyway 10+ creates it, with the rows it writes (the real
		// Flyway
		// is core's FlywayAdoptionTest)
		this.database.execute("create table book (id int primary key, title text, author text);"
				+ " create table flyway_schema_history (installed_rank int not null primary key, version varchar(50),"
				+ " description varchar(200) not null, type varchar(20) not null, script varchar(1000) not null,"
				+ " checksum int, installed_by varchar(100) not null, installed_on timestamp not null default now(),"
				+ " execution_time int not null, success boolean not null);"
				+ " insert into flyway_schema_history values (1, '1', 'create book', 'SQL', 'V1__create_book.sql', "
				+ FlywayChecksum.of("create table book (id int primary key, title text);")
				+ ", 'app', now(), 12, true), (2, '2', 'add author', 'SQL', 'V2__add_author.sql', "
				+ FlywayChecksum.of("alter table book add column author text;") + ", 'app', now(), 3, true)");

		MigratorRun refused = run("strata.migrator.output=json");
		assertThat(refused.exitCode).as(refused.toString()).isEqualTo(3);
		assertThat(refused.json().get("error").get("message").asString()).contains("Flyway")
			.contains("strata.flyway.adopt=true");
		assertThat(historyExists()).isFalse();

		MigratorRun adopted = run("strata.migrator.output=json", "strata.flyway.adopt=true");
		assertThat(adopted.exitCode).as(adopted.toString()).isZero();
		JsonNode report = adopted.json();
		assertThat(report.get("adopted").get("flywayTable").asString()).isEqualTo("flyway_schema_history");
		assertThat(report.get("adopted").get("versioned").asInt()).isEqualTo(2);
		assertThat(report.get("applied")).hasSize(1);
		assertThat(report.get("versionAfter").asString()).isEqualTo("3");
		assertThat(run("strata.migrator.output=json", "strata.flyway.adopt=true").json().get("adopted").isNull())
			.isTrue();
		assertThat(historyRows()).isEqualTo(3);
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
	void lintOfSafeMigrationsExitsZeroAndPrintsTheReportInTheLintFormat() {
		twoMigrations();
		MigratorRun text = run("strata.migrator.command=lint");
		assertThat(text.exitCode).as(text.toString()).isZero();
		assertThat(text.output).contains("Strata lint: 2 migrations", "V1 (create book)", "SAFE",
				"Result: SUCCESS, exit code 0");
		JsonNode lint = run("strata.migrator.command=lint", "strata.migrator.output=json").json().get("lint");
		assertThat(lint.get("verdict").asString()).isNotEqualTo("REFUSED");
		assertThat(lint.get("scope").asString()).isEqualTo("pending");
		assertThat(lint.get("migrations")).hasSize(2);
		assertThat(lint.get("migrations").get(0).get("script").asString()).isEqualTo("V1__create_book.sql");
		assertThat(historyExists()).as("lint applies nothing").isFalse();
	}

	@Test
	void lintExitsFourWhenAPendingMigrationDropsATableAnEarlierOneCreated() {
		twoMigrations();
		assertThat(run().exitCode).isZero();
		MigratorRun.write(this.migrations, "V3__drop_book.sql", "-- no longer needed\ndrop table book;");
		MigratorRun run = run("strata.migrator.command=lint", "strata.migrator.output=json");
		assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
		JsonNode report = run.json();
		assertThat(report.get("error").get("category").asString()).isEqualTo("REFUSED");
		JsonNode lint = report.get("lint");
		assertThat(lint.get("verdict").asString()).isEqualTo("REFUSED");
		assertThat(lint.get("summary").asString()).isEqualTo("REFUSED: 1 destructive statement not allowed");
		assertThat(lint.get("migrations")).as("pending only").hasSize(1);
		JsonNode finding = lint.get("migrations").get(0).get("findings").get(0);
		assertThat(finding.get("rule").asString()).isEqualTo("drop-table");
		assertThat(finding.get("severity").asString()).isEqualTo("DESTRUCTIVE");
		assertThat(finding.get("outcome").asString()).isEqualTo("REFUSED");
		assertThat(finding.get("file").asString()).endsWith("V3__drop_book.sql");
		assertThat(finding.get("line").asInt()).isEqualTo(2);
		assertThat(finding.get("column").asInt()).isEqualTo(1);
		assertThat(finding.get("message").asString()).contains("book");
		assertThat(finding.get("safeAlternative").asString()).isNotBlank();
		assertThat(historyRows()).as("lint applies nothing").isEqualTo(2);
		assertThat(this.database.queryForObject("select to_regclass('book') is not null", Boolean.class)).isTrue();

		MigratorRun github = run("strata.migrator.command=lint", "strata.lint.format=github");
		assertThat(github.exitCode).isEqualTo(4);
		assertThat(github.output).containsPattern("(?m)^::error file=[^\\n]*V3__drop_book\\.sql,line=2,col=1,")
			.contains("Error (REFUSED): Lint verdict REFUSED: 1 destructive statement not allowed");

		MigratorRun sarif = run("strata.migrator.command=lint", "strata.lint.format=sarif");
		assertThat(sarif.exitCode).isEqualTo(4);
		assertThat(sarif.sarif().get("runs").get(0).get("results").get(0).get("ruleId").asString())
			.as("a SARIF lint report stays one document")
			.isEqualTo("drop-table");

		MigratorRun json = run("strata.migrator.command=lint", "strata.lint.format=json");
		assertThat(json.exitCode).isEqualTo(4);
		assertThat(json.json(JsonSchemas.LINT)).as("strata.lint.format=json is the lint field of the migrator's JSON")
			.isEqualTo(lint);
		assertThat(finding.get("table").asString()).isEqualTo("book");
	}

	@Test
	void driftExitsZeroWhenTheSchemaMatchesAndSevenAfterAHandMadeChange() {
		twoMigrations();
		assertThat(run().exitCode).isZero();
		MigratorRun clean = run("strata.migrator.command=drift", "strata.migrator.output=json");
		assertThat(clean.exitCode).as(clean.toString()).isZero();
		assertThat(clean.json().get("drift").get("state").asString()).isEqualTo("NO_DRIFT");
		assertThat(clean.json().get("drift").get("snapshot").get("reason").asString()).isEqualTo("MIGRATE");

		this.database.execute("alter table book add column isbn text not null default ''");
		MigratorRun drifted = run("strata.migrator.command=drift", "strata.migrator.output=json");
		assertThat(drifted.exitCode).as(drifted.toString()).isEqualTo(7);
		JsonNode report = drifted.json();
		assertThat(report.get("error").get("category").asString()).isEqualTo("DRIFT");
		assertThat(report.get("error").get("message").asString()).contains("accept-drift");
		JsonNode drift = report.get("drift");
		assertThat(drift.get("state").asString()).isEqualTo("DRIFTED");
		assertThat(drift.get("changedObjects").asInt()).isEqualTo(1);
		assertThat(drift.get("snapshot").get("takenAt").asString()).isNotBlank();
		JsonNode table = drift.get("changes").get(0);
		assertThat(table.get("kind").asString()).isEqualTo("TABLE");
		assertThat(table.get("identity").asString()).isEqualTo("public.book");
		assertThat(table.get("change").asString()).isEqualTo("CHANGED");
		JsonNode column = table.get("columns").get(0);
		assertThat(column.get("identity").asString()).isEqualTo("isbn");
		assertThat(column.get("change").asString()).isEqualTo("ADDED");
		assertThat(column.get("after").get("type").asString()).isEqualTo("text");
		assertThat(column.get("before").isEmpty()).isTrue();

		MigratorRun text = run("strata.migrator.command=drift");
		assertThat(text.exitCode).isEqualTo(7);
		assertThat(text.output).contains("Drift:\n  Schema drift in \"public\"",
				"~ table public.book: column isbn added", "Error (DRIFT): 1 object drifted");
	}

	@Test
	void driftWithoutASnapshotExitsZeroWithAWarning() {
		MigratorRun run = run("strata.migrator.command=drift", "strata.migrator.output=json");
		assertThat(run.exitCode).as(run.toString()).isZero();
		assertThat(run.json().get("drift").get("state").asString()).isEqualTo("NO_SNAPSHOT");
		assertThat(run.json().get("drift").get("snapshot").isNull()).isTrue();
		assertThat(run.json().get("warnings").get(0).asString()).startsWith("Schema drift was not checked: ");
	}

	@Test
	void aSnapshotThatNeedsARebaselineExitsSevenAndSaysToAcceptDrift() {
		twoMigrations();
		assertThat(run().exitCode).isZero();
		this.database.execute("update strata_schema_history_snapshot set server_version_num = 90624");
		MigratorRun run = run("strata.migrator.command=drift", "strata.migrator.output=json");
		assertThat(run.exitCode).as(run.toString()).isEqualTo(7);
		assertThat(run.json().get("drift").get("state").asString()).isEqualTo("REBASELINE_NEEDED");
		assertThat(run.json().get("error").get("message").asString()).contains("review the live schema",
				"'accept-drift'");
		assertThat(run("strata.migrator.command=accept-drift", "strata.migrator.accept-drift.confirm=true").exitCode)
			.isZero();
		assertThat(run("strata.migrator.command=drift").exitCode).isZero();
	}

	@Test
	void acceptDriftRefusesWithoutConfirmationAndListsWhatItAcceptedWithIt() {
		twoMigrations();
		assertThat(run().exitCode).isZero();
		this.database.execute("create index book_title on book (title)");
		MigratorRun refused = run("strata.migrator.command=accept-drift", "strata.migrator.output=json");
		assertThat(refused.exitCode).as(refused.toString()).isEqualTo(2);
		assertThat(refused.json().get("error").get("message").asString())
			.contains("strata.migrator.accept-drift.confirm=true");
		assertThat(refused.json().get("drift").get("state").asString()).isEqualTo("DRIFTED");
		assertThat(refused.json().get("snapshot").isNull()).isTrue();
		assertThat(run("strata.migrator.command=drift").exitCode).as("nothing was accepted").isEqualTo(7);

		MigratorRun accepted = run("strata.migrator.command=accept-drift", "strata.migrator.accept-drift.confirm=true",
				"strata.migrator.output=json");
		assertThat(accepted.exitCode).as(accepted.toString()).isZero();
		JsonNode change = accepted.json().get("drift").get("changes").get(0);
		assertThat(change.get("kind").asString()).isEqualTo("INDEX");
		assertThat(change.get("identity").asString()).isEqualTo("public.book_title");
		assertThat(change.get("change").asString()).isEqualTo("ADDED");
		assertThat(accepted.json().get("snapshot").get("reason").asString()).isEqualTo("ACCEPTED");
		assertThat(accepted.json().get("schema").asString()).isEqualTo("public");
		assertThat(run("strata.migrator.command=drift").exitCode).isZero();

		this.database.execute("drop index book_title");
		MigratorRun text = run("strata.migrator.command=accept-drift", "strata.migrator.accept-drift.confirm=true");
		assertThat(text.exitCode).isZero();
		assertThat(text.output).contains("Accepted drift:\n", "- index public.book_title", "New snapshot: ");
	}

	@Test
	void validateChecksDriftOnlyWhenAskedAndAfterItsOwnChecks() {
		twoMigrations();
		assertThat(run().exitCode).isZero();
		this.database.execute("alter table book alter column title set not null");
		assertThat(run("strata.migrator.command=validate").exitCode).as("drift is not checked by default").isZero();
		MigratorRun drifted = run("strata.migrator.command=validate", "strata.migrator.fail-on-drift=true",
				"strata.migrator.output=json");
		assertThat(drifted.exitCode).as(drifted.toString()).isEqualTo(7);
		assertThat(drifted.json().get("drift").get("changes").get(0).get("identity").asString())
			.isEqualTo("public.book");

		MigratorRun.write(this.migrations, "V3__add_isbn.sql", "alter table book add column isbn text;");
		MigratorRun pending = run("strata.migrator.command=validate", "strata.migrator.fail-on-drift=true",
				"strata.migrator.output=json");
		assertThat(pending.exitCode).as("pending migrations keep exit code 3").isEqualTo(3);
		assertThat(pending.json().get("drift").isNull()).isTrue();
	}

	@Test
	void validateWithFailOnDriftPassesWithoutDriftOrWithoutASnapshot() {
		twoMigrations();
		assertThat(run().exitCode).isZero();
		assertThat(run("strata.migrator.command=validate", "strata.migrator.fail-on-drift=true").exitCode).isZero();
		this.database.execute("drop table strata_schema_history_snapshot");
		MigratorRun run = run("strata.migrator.command=validate", "strata.migrator.fail-on-drift=true",
				"strata.migrator.output=json");
		assertThat(run.exitCode).as(run.toString()).isZero();
		assertThat(run.json().get("drift").get("state").asString()).isEqualTo("NO_SNAPSHOT");
	}

	@Test
	void statusSummarisesDriftAndStillExitsZero() {
		twoMigrations();
		assertThat(run().exitCode).isZero();
		this.database.execute("alter table book add column isbn text");
		MigratorRun json = run("strata.migrator.command=status", "strata.migrator.output=json");
		assertThat(json.exitCode).as(json.toString()).isZero();
		assertThat(json.json().get("drift").get("state").asString()).isEqualTo("DRIFTED");
		assertThat(json.json().get("drift").get("changedObjects").asInt()).isEqualTo(1);
		MigratorRun text = run("strata.migrator.command=status");
		assertThat(text.exitCode).isZero();
		assertThat(text.output).contains("Drift: DRIFTED, 1 object changed (the 'drift' command lists them)")
			.doesNotContain("column isbn");
	}

	@Test
	void anUnknownCommandIsABadConfigurationReportedInTheRequestedFormat() {
		MigratorRun run = run("strata.migrator.command=upgrade", "strata.migrator.output=json");
		assertThat(run.exitCode).isEqualTo(2);
		assertThat(run.json().get("command").asString()).isEqualTo("upgrade");
		assertThat(run.json().get("error").get("category").asString()).isEqualTo("CONFIGURATION");
		assertThat(run.json().get("error").get("message").asString())
			.startsWith("Invalid value 'upgrade' for strata.migrator.command")
			.contains("the valid values are migrate, validate, status, dry-run, ")
			.doesNotContain("No enum constant");
	}

	@Test
	void aMistypedKeyExitsTwoBeforeConnectingAndAppliesNothing() {
		twoMigrations();
		MigratorRun run = run("strata.migrator.comand=status", "strata.migrator.output=json");
		assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
		JsonNode report = run.json();
		assertThat(report.get("error").get("category").asString()).isEqualTo("CONFIGURATION");
		assertThat(report.get("error").get("message").asString()).startsWith("Unknown property strata.migrator.comand ")
			.contains(": did you mean strata.migrator.command?");
		assertThat(report.get("database").isNull()).as("no connection was made").isTrue();
		assertThat(historyExists()).isFalse();
		assertThat(this.database.queryForObject("select to_regclass('book') is null", Boolean.class)).isTrue();
	}

	@Test
	void aBadValueExitsTwoBeforeConnectingAndNamesWhatWouldBeValid() {
		twoMigrations();
		String[][] mistakes = { { "strata.migrator.command=stauts", "did you mean status?" },
				{ "strata.lock-timeout=10 seconds", "expected a duration such as 10s" },
				{ "strata.guard.rules.drop-colum=warn", "did you mean drop-column?" },
				{ "strata.guard.rules.drop-column=allow", "the valid values are off, warn, refuse" } };
		for (String[] mistake : mistakes) {
			MigratorRun run = run(mistake[0]);
			assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
			assertThat(run.output).as(mistake[0])
				.contains("Error (CONFIGURATION): ", mistake[1])
				.doesNotContain("No enum constant", "Failed to bind", "Exception");
			assertThat(run.output).as("no connection was made").doesNotContain(" on database ");
		}
		assertThat(historyExists()).isFalse();
	}

	@Test
	void aMissingLocationExitsTwoNamingItAndCreatesNothing() {
		twoMigrations();
		String typo = "filesystem:" + this.migrations.resolve("migrashuns");
		MigratorRun run = run("strata.locations=" + typo, "strata.migrator.output=json");
		assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
		assertThat(run.json().get("error").get("category").asString()).isEqualTo("CONFIGURATION");
		assertThat(run.json().get("error").get("message").asString()).isEqualTo("Migration location " + typo
				+ " does not exist. Fix: correct the location (strata.locations)," + " or create the directory.");
		assertThat(historyExists()).isFalse();
		assertThat(this.database.queryForObject("select to_regclass('strata_schema_history_snapshot') is null",
				Boolean.class))
			.isTrue();
	}

	@Test
	void aWrongExpectedDatabaseIsRefusedBeforeAnythingIsTouched() {
		twoMigrations();
		MigratorRun run = run("strata.migrator.expected-database=production_db", "strata.migrator.output=json");
		assertThat(run.exitCode).isEqualTo(2);
		assertThat(run.json().get("error").get("message").asString()).contains("production_db", this.database.name());
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
			assertThat(refused.exitCode).as("no CREATE right on schema public: configuration").isEqualTo(2);
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
