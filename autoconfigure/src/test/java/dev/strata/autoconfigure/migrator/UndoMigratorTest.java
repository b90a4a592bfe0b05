package dev.strata.autoconfigure.migrator;

import java.nio.file.Path;
import java.util.List;

import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrator's {@code undo} command against a real PostgreSQL: its own dry run without
 * the confirm property, the exit code of each refusal, and the report of what it undid.
 */
class UndoMigratorTest {

	private final TestDatabase database = PostgresServer.shared().createDatabase();

	@TempDir
	Path migrations;

	@BeforeEach
	void migrations() {
		MigratorRun.write(this.migrations, "V1__create_book.sql", "create table book (id int primary key);");
		MigratorRun.write(this.migrations, "V2__create_author.sql", "create table author (id int primary key);");
		MigratorRun.write(this.migrations, "U2__create_author.sql",
				"-- strata:allow drop-table reason=\"undo of V2\"\n\ndrop table author;");
		assertThat(run().exitCode).isZero();
	}

	@AfterEach
	void dropDatabase() {
		this.database.close();
	}

	@Test
	void undoWithoutConfirmListsWhatItWouldRunAndExitsTwo() {
		MigratorRun run = run("strata.migrator.command=undo", "strata.migrator.output=json");

		assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
		JsonNode report = run.json();
		assertThat(report.get("error").get("message").asString()).contains("strata.migrator.undo.confirm=true");
		assertThat(report.get("dryRun")).hasSize(1);
		assertThat(report.get("dryRun").get(0).get("script").asString()).isEqualTo("U2__create_author.sql");
		assertThat(report.get("dryRun").get(0).get("statements").get(0).get("sql").asString())
			.isEqualTo("drop table author");
		assertThat(report.get("undone")).isEmpty();
		assertThat(tableExists("author")).isTrue();
		assertThat(history()).containsExactly("1|SQL", "2|SQL");
	}

	@Test
	void undoWithConfirmRunsTheUndoFileAndReportsIt() {
		MigratorRun run = run("strata.migrator.command=undo", "strata.migrator.undo.confirm=true",
				"strata.migrator.output=json");

		assertThat(run.exitCode).as(run.toString()).isZero();
		JsonNode report = run.json();
		assertThat(report.get("versionBefore").asString()).isEqualTo("2");
		assertThat(report.get("versionAfter").asString()).isEqualTo("1");
		assertThat(report.get("undone")).hasSize(1);
		assertThat(report.get("undone").get(0).get("script").asString()).isEqualTo("U2__create_author.sql");
		assertThat(report.get("undone").get(0).get("type").asString()).isEqualTo("UNDO_SQL");
		assertThat(tableExists("author")).isFalse();
		assertThat(history()).containsExactly("1|SQL", "2|SQL", "2|UNDO_SQL");

		MigratorRun status = run("strata.migrator.command=status", "strata.migrator.output=json");
		assertThat(status.json().get("pending").get(0).get("script").asString()).isEqualTo("V2__create_author.sql");
		List<String> listed = new java.util.ArrayList<>();
		status.json()
			.get("migrations")
			.forEach((migration) -> listed.add(migration.get("script").asString() + "|"
					+ migration.get("type").asString() + "|" + migration.get("state").asString()));
		assertThat(listed).containsExactly("V1__create_book.sql|SQL|APPLIED", "V2__create_author.sql|SQL|PENDING",
				"V2__create_author.sql|SQL|SUPERSEDED", "U2__create_author.sql|UNDO_SQL|UNDONE");
		MigratorRun text = run("strata.migrator.command=validate");
		assertThat(text.exitCode).isEqualTo(3);
		assertThat(run().exitCode).isZero();
		assertThat(tableExists("author")).isTrue();
	}

	@Test
	void undoTextReportNamesTheUndoFile() {
		MigratorRun run = run("strata.migrator.command=undo", "strata.migrator.undo.confirm=true");

		assertThat(run.exitCode).as(run.toString()).isZero();
		assertThat(run.output).contains("Undone (1):", "U2 (create author)  UNDONE", "Version: 2 -> 1");
	}

	@Test
	void undoOfAVersionWithoutUndoFileExitsThree() {
		MigratorRun run = run("strata.migrator.command=undo", "strata.migrator.undo.confirm=true",
				"strata.migrator.undo.target=0", "strata.migrator.output=json");

		assertThat(run.exitCode).as(run.toString()).isEqualTo(3);
		assertThat(run.json().get("error").get("message").asString()).contains("V1 (create book) has no undo file",
				"U1__<description>.sql");
		assertThat(tableExists("author")).isTrue();
		assertThat(history()).containsExactly("1|SQL", "2|SQL");
	}

	@Test
	void undoTheGuardRefusesExitsFour() {
		MigratorRun.write(this.migrations, "U2__create_author.sql", "drop table author;");
		assertThat(run("strata.migrator.command=repair", "strata.migrator.repair.confirm=true").exitCode).isZero();

		MigratorRun run = run("strata.migrator.command=undo", "strata.migrator.undo.confirm=true");

		assertThat(run.exitCode).as(run.toString()).isEqualTo(4);
		assertThat(run.output).contains("drop-table");
		assertThat(tableExists("author")).isTrue();
	}

	@Test
	void undoTargetThatIsNoVersionIsAConfigurationError() {
		MigratorRun run = run("strata.migrator.command=undo", "strata.migrator.undo.confirm=true",
				"strata.migrator.undo.target=latest");

		assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
		assertThat(run.output).contains("'latest' is not a version");
	}

	private MigratorRun run(String... properties) {
		return MigratorRun.run(this.database, this.migrations, properties);
	}

	private boolean tableExists(String table) {
		return this.database.queryForObject("select to_regclass('" + table + "') is not null", Boolean.class);
	}

	private List<String> history() {
		return List.of(
				this.database
					.queryForObject("select string_agg(version || '|' || type, ',' order by installed_rank)"
							+ " from strata_schema_history", String.class)
					.split(","));
	}

}
