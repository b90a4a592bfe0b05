package dev.strata.guard.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.strata.source.MigrationFile;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.guard.Assessment;
import dev.strata.guard.internal.Guard;
import dev.strata.guard.internal.GuardReport;
import dev.strata.guard.GuardSettings;
import dev.strata.guard.Outcome;
import dev.strata.guard.TableSize;
import dev.strata.guard.TableSizes;
import dev.strata.migration.MigrationPreparationException;
import dev.strata.migration.internal.MigrationPreparer;
import dev.strata.migration.Migration;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintReportTest {

	private static Migration file(String version, String sql) {
		return new SqlMigration(new MigrationFile(MigrationType.VERSIONED, Version.parse(version), "step " + version,
				"V" + version + "__step.sql", "classpath:db/migration/V" + version + "__step.sql", sql, 0));
	}

	private static LintResult lint(Migration... files) {
		return Lint.of(List.of(files), GuardSettings.DEFAULTS, TableSizes.NONE, LintScope.ALL);
	}

	@Test
	void verdicts() {
		assertThat(lint(file("1", "CREATE TABLE a (id int)")).verdictLine()).isEqualTo("SAFE TO DEPLOY");
		assertThat(lint(file("1", "CREATE INDEX ON a (id)")).verdictLine()).isEqualTo("SAFE WITH WARNINGS");
		assertThat(lint(file("1", "DROP TABLE a; DROP TABLE b")).verdictLine())
			.isEqualTo("REFUSED: 2 destructive statements not allowed");
		assertThat(lint(file("1", "-- strata:allow drop-table reason=\"gone\"\nDROP TABLE a")).verdict())
			.isEqualTo(Verdict.SAFE_TO_DEPLOY);
	}

	@Test
	void lintJudgesAsTheGuardChecksPreparedFiles() {
		List<Migration> files = List.of(file("1", "CREATE TABLE big (id int); CREATE INDEX ON big (id)"),
				file("2", "CREATE INDEX ON big (x); CREATE INDEX ON other (x); DROP TABLE gone"), file("3",
						"-- strata:allow drop-table reason=\"empty\"\nDROP TABLE old; ALTER TABLE t ADD COLUMN c int"));
		TableSizes sizes = (table) -> new TableSize(table, 500_000, 8192, true);
		LintResult result = Lint.of(files, GuardSettings.DEFAULTS, sizes, LintScope.ALL);
		GuardReport checked = new Guard(GuardSettings.DEFAULTS, sizes).check(new MigrationPreparer().prepare(files));
		assertThat(result.migrations()).isEqualTo(checked.migrations()).hasSize(3);
		assertThat(result.migrations().get(1).assessments()).extracting(Assessment::outcome)
			.containsExactly(Outcome.REFUSED, Outcome.REFUSED, Outcome.REFUSED);
		LintResult pending = Lint.of(files, GuardSettings.DEFAULTS, sizes, LintScope.PENDING);
		GuardReport run = new Guard(GuardSettings.DEFAULTS, sizes).checkRun(new MigrationPreparer().prepare(files));
		assertThat(pending.migrations()).isEqualTo(run.migrations()).hasSize(3);
		assertThat(pending.migrations().get(1).assessments()).extracting(Assessment::outcome)
			.containsExactly(Outcome.REFUSED, Outcome.REFUSED);
	}

	@Test
	void lintReportsEveryFileThatCannotBePreparedBeforeDirectivesAndWithoutSizes() {
		TableSizes sizes = (table) -> {
			throw new AssertionError("sizes asked for " + table);
		};
		List<Migration> files = List.of(file("1", "CREATE INDEX ON big (x)"),
				file("2", "-- strata:allow drop-tabel reason=\"x\"\nDROP TABLE a"), file("3", "SELECT 'unterminated"),
				file("4", "DROP TABLE b"), file("5", "COPY t FROM stdin"));
		assertThatThrownBy(() -> Lint.of(files, GuardSettings.DEFAULTS, sizes, LintScope.ALL)).isInstanceOfSatisfying(
				MigrationPreparationException.class,
				(ex) -> assertThat(ex.errors()).hasSize(2)
					.satisfiesExactly((error) -> assertThat(error).contains("V3__step.sql"),
							(error) -> assertThat(error).contains("V5__step.sql")));
		assertThatThrownBy(() -> Lint.of(files.subList(0, 2), GuardSettings.DEFAULTS, sizes, LintScope.ALL))
			.isInstanceOfSatisfying(MigrationPreparationException.class,
					(ex) -> assertThat(ex.errors()).singleElement().asString().contains("'drop-tabel'"));
	}

	@Test
	void lintsFilesWithoutADatabase(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int);");
		Files.writeString(dir.resolve("V2__b.sql"), "ALTER TABLE a DROP COLUMN id;");
		LintResult result = Lint.run(List.of("filesystem:" + dir), getClass().getClassLoader(), GuardSettings.DEFAULTS);
		assertThat(result.migrations()).hasSize(2);
		assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
		assertThat(result.sizeAware()).isFalse();
	}

}
