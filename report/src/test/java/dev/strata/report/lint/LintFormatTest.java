package dev.strata.report.lint;

import java.util.List;

import dev.strata.guard.GuardSettings;
import dev.strata.guard.TableSizes;
import dev.strata.guard.report.Lint;
import dev.strata.guard.report.LintResult;
import dev.strata.guard.report.LintScope;
import dev.strata.migration.Migration;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.source.MigrationFile;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Each lint format renders the same judged migrations. */
class LintFormatTest {

	private static Migration file(String version, String sql) {
		return new SqlMigration(new MigrationFile(MigrationType.VERSIONED, Version.parse(version), "step " + version,
				"V" + version + "__step.sql", "classpath:db/migration/V" + version + "__step.sql", sql, 0));
	}

	private static LintResult lint(Migration... files) {
		return Lint.of(List.of(files), GuardSettings.DEFAULTS, TableSizes.NONE, LintScope.ALL);
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

}
