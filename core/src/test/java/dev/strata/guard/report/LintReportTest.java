package dev.strata.guard.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import dev.strata.guard.GuardSettings;
import dev.strata.guard.TableSizes;
import dev.strata.source.MigrationFile;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintReportTest {

	private static MigrationFile file(String version, String sql) {
		return new MigrationFile(MigrationType.VERSIONED, Version.parse(version), "step " + version,
				"V" + version + "__step.sql", "classpath:db/migration/V" + version + "__step.sql", sql, 0);
	}

	private static LintResult lint(MigrationFile... files) {
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
	void textGroupsFindingsBySeverityPerMigration() {
		String text = LintFormat.TEXT.render(lint(file("1", "CREATE TABLE a (id int)"),
				file("2", "CREATE INDEX ON a (id);\nALTER TABLE b DROP COLUMN c;")));
		assertThat(text).contains("V1 (step 1)  classpath:db/migration/V1__step.sql\n  no findings")
			.contains("  DESTRUCTIVE\n    REFUSED  2:15 drop-column: drops column c of b")
			.contains("  LOCKING\n    warning  1:1 create-index-not-concurrently")
			.contains("to allow:  -- strata:allow drop-column reason=\"…\"")
			.endsWith("REFUSED: 1 destructive statement not allowed\n");
		assertThat(text.indexOf("DESTRUCTIVE")).isLessThan(text.indexOf("LOCKING"));
	}

	@Test
	void json() {
		String json = LintFormat.JSON.render(lint(file("1", "TRUNCATE \"we\"\"ird\"")));
		assertThat(json).contains("\"verdict\": \"REFUSED\"")
			.contains("\"rule\": \"truncate\"")
			.contains("\"message\": \"empties table \\\"we\\\"\\\"ird\\\"\"")
			.contains("\"line\": 1");
	}

	@Test
	void githubAnnotations() {
		String github = LintFormat.GITHUB.render(lint(file("3", "SELECT 1;\nDROP TABLE users")));
		assertThat(github).startsWith("::error file=src/main/resources/db/migration/V3__step.sql,line=2,col=1,"
				+ "title=Strata drop-table (DESTRUCTIVE)::drops table users. Instead: ");
	}

	@Test
	void sarif() {
		String sarif = LintFormat.SARIF.render(lint(file("1", "DROP TABLE users; CREATE INDEX ON a (b)")));
		assertThat(sarif).contains("\"version\": \"2.1.0\"")
			.contains("\"ruleId\": \"drop-table\"")
			.contains("\"level\": \"error\"")
			.contains("\"ruleId\": \"create-index-not-concurrently\"")
			.contains("\"uri\": \"src/main/resources/db/migration/V1__step.sql\"")
			.contains("\"startLine\": 1");
	}

	@Test
	void lintsFilesWithoutADatabase(@TempDir Path dir) throws Exception {
		Files.writeString(dir.resolve("V1__a.sql"), "CREATE TABLE a (id int);");
		Files.writeString(dir.resolve("V2__b.sql"), "ALTER TABLE a DROP COLUMN id;");
		LintResult result = Lint.run(List.of("filesystem:" + dir), getClass().getClassLoader(),
				GuardSettings.DEFAULTS);
		assertThat(result.migrations()).hasSize(2);
		assertThat(result.verdict()).isEqualTo(Verdict.REFUSED);
		assertThat(result.sizeAware()).isFalse();
	}

}
