package dev.strata.test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.strata.guard.Outcome;
import dev.strata.guard.policy.RuleMode;
import dev.strata.guard.report.LintResult;
import dev.strata.guard.report.Verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class StrataLintTest {

	private static final String SAFE = "classpath:lint/safe";

	private static final String REFUSED = "classpath:lint/refused";

	private static final String ALLOWED = "classpath:lint/allowed";

	private static final String WARNING = "classpath:lint/warning";

	private static final String BAD = "classpath:lint/bad";

	@Test
	void safeMigrationsPass() {
		LintResult result = StrataLint.assertSafe(SAFE);
		assertThat(result.verdict()).isEqualTo(Verdict.SAFE_TO_DEPLOY);
		assertThat(result.migrations()).hasSize(2);
	}

	@Test
	void refusedStatementFailsWithTheReport() {
		assertThatExceptionOfType(StrataLintError.class).isThrownBy(() -> StrataLint.assertSafe(REFUSED))
			.satisfies((error) -> {
				assertThat(error.getMessage()).startsWith("Strata lint: REFUSED: 1 destructive statement not allowed")
					.contains("classpath:lint/refused/V2__drop_customers.sql:3:1 [drop-table] DESTRUCTIVE")
					// the full text report follows: the safe alternative and the
					// directive that allows it
					.contains("instead:")
					.contains("-- strata:allow drop-table reason=")
					.endsWith("REFUSED: 1 destructive statement not allowed\n");
				assertThat(error.result()).isNotNull();
				assertThat(error.result().verdict()).isEqualTo(Verdict.REFUSED);
			});
	}

	@Test
	void aDestructiveCallbackFileFailsLikeAMigration() {
		assertThatExceptionOfType(StrataLintError.class)
			.isThrownBy(() -> StrataLint.assertSafe("classpath:lint/callback"))
			.withMessageContaining("classpath:lint/callback/afterMigrate__forget_sessions.sql:2:1 [drop-table]");
	}

	@Test
	void directiveInTheFileAllowsTheStatement() {
		assertThat(StrataLint.assertSafe(ALLOWED).withOutcome(Outcome.ALLOWED)).hasSize(1);
	}

	@Test
	void allowDestructiveLetsItThrough() {
		LintResult result = StrataLint.locations(REFUSED).allowDestructive().assertSafe();
		assertThat(result.verdict()).isNotEqualTo(Verdict.REFUSED);
	}

	@Test
	void ruleOverrideLetsItThrough() {
		LintResult result = StrataLint.locations(REFUSED).rule("drop-table", "warn").assertSafe();
		assertThat(result.verdict()).isEqualTo(Verdict.SAFE_WITH_WARNINGS);
	}

	@Test
	void warningsPassByDefault() {
		LintResult result = StrataLint.assertSafe(WARNING);
		assertThat(result.verdict()).isEqualTo(Verdict.SAFE_WITH_WARNINGS);
		assertThat(result.withOutcome(Outcome.WARNED)).extracting((a) -> a.finding().ruleId())
			.containsExactly("create-index-not-concurrently");
	}

	@Test
	void warningsFailWhenConfiguredTo() {
		assertThatExceptionOfType(StrataLintError.class)
			.isThrownBy(() -> StrataLint.locations(WARNING).failOnWarnings().assertSafe())
			.withMessageStartingWith("Strata lint: SAFE WITH WARNINGS, and warnings fail this check")
			.withMessageContaining(
					"classpath:lint/warning/V2__index_orders.sql:1:1 [create-index-not-concurrently] LOCKING");
	}

	@Test
	void strictRefusesLockingFindings() {
		assertThatExceptionOfType(StrataLintError.class)
			.isThrownBy(() -> StrataLint.locations(WARNING).strict().assertSafe())
			.withMessageStartingWith("Strata lint: REFUSED")
			.withMessageContaining("V2__index_orders.sql:1:1 [create-index-not-concurrently]");
	}

	@Test
	void ruleOverrideRefuses() {
		assertThatExceptionOfType(StrataLintError.class).isThrownBy(
				() -> StrataLint.locations(WARNING).rule("create-index-not-concurrently", RuleMode.REFUSE).assertSafe())
			.withMessageContaining("[create-index-not-concurrently]");
	}

	@Test
	void ruleOffIsNotReported() {
		LintResult result = StrataLint.locations(WARNING)
			.rule("create-index-not-concurrently", RuleMode.OFF)
			.failOnWarnings()
			.assertSafe();
		assertThat(result.verdict()).isEqualTo(Verdict.SAFE_TO_DEPLOY);
	}

	@Test
	void unknownRuleOrModeIsAnUsageError() {
		assertThatIllegalArgumentException().isThrownBy(() -> StrataLint.locations(SAFE).rule("drop-tabel", "warn"))
			.withMessageContaining("drop-tabel");
		assertThatIllegalArgumentException().isThrownBy(() -> StrataLint.locations(SAFE).rule("drop-table", "allow"))
			.withMessageContaining("off, warn, refuse");
	}

	@Test
	void badFileFailsNamingTheFile() {
		assertThatExceptionOfType(StrataLintError.class).isThrownBy(() -> StrataLint.assertSafe(BAD))
			.withMessageStartingWith("Strata lint of classpath:lint/bad: 1 migration cannot be read:")
			.withMessageContaining("classpath:lint/bad/V2__unterminated.sql:2:9: unterminated string")
			.satisfies((error) -> assertThat(error.result()).isNull());
	}

	@Test
	void locationWithoutMigrationsFails() {
		assertThatExceptionOfType(StrataLintError.class)
			.isThrownBy(() -> StrataLint.assertSafe(SAFE, "classpath:lint/no-such-directory"))
			.withMessageContaining("no migration at classpath:lint/no-such-directory")
			.withMessageNotContaining("lint/safe");
	}

	@Test
	void noLocationMeansTheDefault() {
		assertThatExceptionOfType(StrataLintError.class).isThrownBy(StrataLint::assertSafe)
			.withMessageContaining("no migration at classpath:db/migration");
	}

	@Test
	void severalLocationsAreLintedTogether() {
		assertThatExceptionOfType(StrataLintError.class)
			.isThrownBy(() -> StrataLint.assertSafe(SAFE, "filesystem:src/test/resources/lint/more-refused"))
			.withMessageContaining(
					"filesystem:src/test/resources/lint/more-refused/V3__drop_email.sql:1:23 [drop-column]");
	}

	@Test
	void relativeFilesystemLocation() {
		assertThatExceptionOfType(StrataLintError.class)
			.isThrownBy(() -> StrataLint.assertSafe("filesystem:src/test/resources/lint/refused"))
			.withMessageContaining(
					"filesystem:src/test/resources/lint/refused/V2__drop_customers.sql:3:1 [drop-table]");
	}

	@Test
	void absoluteFilesystemLocation(@TempDir Path dir) throws IOException {
		write(dir, "V1__create_customers.sql", "CREATE TABLE customers (id bigint PRIMARY KEY, email text);\n");
		StrataLint.assertSafe("filesystem:" + dir);

		write(dir, "V2__drop_email.sql", "\n\nALTER TABLE customers DROP COLUMN email;\n");
		assertThatExceptionOfType(StrataLintError.class).isThrownBy(() -> StrataLint.assertSafe("filesystem:" + dir))
			.withMessageContaining("filesystem:" + dir + "/V2__drop_email.sql:3:")
			.withMessageContaining("[drop-column]");
	}

	@Test
	void placeholdersAreReplacedBeforeTheGuardJudges(@TempDir Path dir) throws IOException {
		write(dir, "V1__create_customers.sql", "CREATE TABLE ${prefix}customers (id bigint PRIMARY KEY);\n"
				+ "GRANT SELECT ON ${prefix}customers TO ${flyway:user};\n${cleanup};\n");

		assertThatExceptionOfType(StrataLintError.class)
			.isThrownBy(() -> StrataLint.locations("filesystem:" + dir).placeholder("prefix", "shop_").lint())
			.withMessageContaining("V1__create_customers.sql:3 uses the placeholder ${cleanup}, which has no value");
		assertThatExceptionOfType(StrataLintError.class)
			.isThrownBy(() -> StrataLint.locations("filesystem:" + dir)
				.placeholder("prefix", "shop_")
				.placeholder("cleanup", "DROP TABLE legacy")
				.assertSafe())
			.withMessageContaining("[drop-table]");
	}

	@Test
	void unusedDirectiveIsAWarning(@TempDir Path dir) throws IOException {
		write(dir, "V1__create_customers.sql", "-- strata:allow drop-table reason=\"nothing is dropped here\"\n"
				+ "CREATE TABLE customers (id bigint PRIMARY KEY);\n");
		assertThat(StrataLint.assertSafe("filesystem:" + dir).verdict()).isEqualTo(Verdict.SAFE_WITH_WARNINGS);
		assertThatExceptionOfType(StrataLintError.class)
			.isThrownBy(() -> StrataLint.locations("filesystem:" + dir).failOnWarnings().assertSafe())
			.withMessageContaining("V1__create_customers.sql:1");
	}

	private static void write(Path dir, String name, String content) throws IOException {
		Files.writeString(dir.resolve(name), content, StandardCharsets.UTF_8);
	}

}
