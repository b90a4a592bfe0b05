package dev.strata.guard.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.strata.source.MigrationFile;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.guard.effect.VerifyEffects;
import dev.strata.guard.policy.RuleMode;
import dev.strata.migration.MigrationPreparationException;
import dev.strata.migration.internal.MigrationPreparer;
import dev.strata.migration.PreparedMigration;
import dev.strata.migration.Migration;
import dev.strata.source.MigrationSourceException;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;
import org.junit.jupiter.api.Test;
import dev.strata.guard.Assessment;
import dev.strata.guard.GuardSettings;
import dev.strata.guard.GuardedMigration;
import dev.strata.guard.Outcome;
import dev.strata.guard.TableSize;
import dev.strata.guard.TableSizes;

class GuardTest {

	static PreparedMigration prepare(String version, String sql) {
		return new SqlMigration(new MigrationFile(MigrationType.VERSIONED, Version.parse(version), "test",
				"V" + version + "__test.sql", "V" + version + "__test.sql", sql, 0))
			.prepare();
	}

	static GuardedMigration guard(GuardSettings settings, String sql) {
		return new Guard(settings, TableSizes.NONE).check(List.of(prepare("1", sql))).migrations().get(0);
	}

	@Test
	void destructiveRefusesLockingWarnsByDefault() {
		GuardedMigration guarded = guard(GuardSettings.DEFAULTS, "DROP TABLE a; CREATE INDEX ON b (x)");
		assertThat(guarded.assessments()).extracting(Assessment::outcome)
			.containsExactly(Outcome.REFUSED, Outcome.WARNED);
	}

	@Test
	void allowDestructiveAllowsAndSaysSo() {
		GuardedMigration guarded = guard(new GuardSettings(true, false, Map.of(), null, 100, VerifyEffects.REVIEW),
				"DROP TABLE a");
		assertThat(guarded.assessments().get(0).outcome()).isEqualTo(Outcome.ALLOWED);
		assertThat(guarded.assessments().get(0).note()).isEqualTo("allowed by strata.allow-destructive");
	}

	@Test
	void offRulesAreNotReported() {
		GuardedMigration guarded = guard(
				new GuardSettings(false, false, Map.of("drop-table", RuleMode.OFF), null, 100, VerifyEffects.REVIEW),
				"DROP TABLE a");
		assertThat(guarded.assessments()).isEmpty();
	}

	@Test
	void unknownRuleInSettingsIsAConfigurationError() {
		assertThatThrownBy(() -> new GuardSettings(false, false, Map.of("drop-tabel", RuleMode.OFF), null, 100,
				VerifyEffects.REVIEW))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageStartingWith("strata.guard.rules.drop-tabel names no guard rule 'drop-tabel'. Fix: use one of ")
			.hasMessageContaining("drop-table");
	}

	@Test
	void directiveReasonIsKeptInTheNote() {
		GuardedMigration guarded = guard(GuardSettings.DEFAULTS,
				"/* strata:allow drop-table reason=\"empty since 2.0\" */\nDROP TABLE a");
		assertThat(guarded.assessments().get(0).note()).isEqualTo("allowed at line 1: empty since 2.0");
	}

	@Test
	void directiveThatAllowsNothingWarns() {
		GuardedMigration guarded = guard(GuardSettings.DEFAULTS,
				"-- strata:allow drop-table,truncate reason=\"x\"\nDROP TABLE a");
		assertThat(guarded.warnings()).singleElement()
			.asString()
			.contains("V1__test.sql:1 has a strata:allow truncate directive that allows nothing");
	}

	@Test
	void directiveOverAStatementTheGuardCannotSeeIntoIsKeptForTheEffectCheck() {
		GuardedMigration guarded = guard(GuardSettings.DEFAULTS,
				"-- strata:allow drop-table reason=\"x\"\nDO $$ BEGIN DROP TABLE a; END $$");
		assertThat(guarded.warnings()).isEmpty();
		assertThat(guarded.checkEffects()).isTrue();
		assertThat(guarded.allowedRules()).containsExactly("drop-table");
	}

	@Test
	void directiveWithoutReasonIsAnError() {
		assertThatThrownBy(() -> prepare("1", "-- strata:allow drop-table\nDROP TABLE a"))
			.isInstanceOf(MigrationSourceException.class)
			.hasMessageContaining("V1__test.sql:1 has a strata:allow directive without a reason");
	}

	@Test
	void directiveSeparatedFromItsStatementIsAnError() {
		assertThatThrownBy(() -> prepare("1", "SELECT 1;\n-- strata:allow drop-table reason=\"x\"\n\nDROP TABLE a"))
			.isInstanceOf(MigrationSourceException.class)
			.hasMessageContaining("V1__test.sql:2 has a strata:allow directive that is neither directly above");
		assertThatThrownBy(() -> prepare("1", "DROP TABLE a; -- strata:allow drop-table reason=\"x\"\nSELECT 1"))
			.isInstanceOf(MigrationSourceException.class);
		assertThatThrownBy(() -> prepare("1", "DROP TABLE a;\n-- strata:allow drop-table reason=\"x\""))
			.isInstanceOf(MigrationSourceException.class);
	}

	@Test
	void directivePlacement() {
		assertThat(prepare("1", "-- strata:allow drop-table reason=\"x\"\n\nDROP TABLE a").directives()
			.allows()
			.get(0)
			.coversWholeFile()).isTrue();
		assertThat(prepare("1", "-- strata:allow drop-table reason=\"x\"\nDROP TABLE a").directives()
			.allows()
			.get(0)
			.statement()).isZero();
		assertThat(prepare("1", "SELECT 1;\n\n-- why\n-- strata:allow drop-table reason=\"x\"\n-- more\nDROP TABLE a")
			.directives()
			.allows()
			.get(0)
			.statement()).isEqualTo(1);
	}

	@Test
	void unknownRuleInADirectiveIsAnErrorNamingFileAndLine() {
		assertThatThrownBy(() -> new Guard(GuardSettings.DEFAULTS, TableSizes.NONE)
			.check(List.of(prepare("1", "-- strata:allow drop-tabel reason=\"x\"\nDROP TABLE a"))))
			.isInstanceOf(MigrationPreparationException.class)
			.hasMessageContaining(
					"V1__test.sql:1 strata:allow directive names no guard rule 'drop-tabel'. Fix: use one of ")
			.hasMessageContaining("drop-table");
	}

	@Test
	void baselinedMigrationsAreSkipped() {
		GuardReport report = new Guard(new GuardSettings(false, false, Map.of(), "1", 100, VerifyEffects.REVIEW),
				TableSizes.NONE)
			.check(List.of(prepare("1", "DROP TABLE a"), prepare("2", "DROP TABLE b")));
		assertThat(report.migrations().get(0).skipped()).isTrue();
		assertThat(report.refused()).singleElement()
			.satisfies((a) -> assertThat(a.finding().file()).isEqualTo("V2__test.sql"));
	}

	@Test
	void judgingMigrationsRecognisedOneByOneIsChecking() {
		GuardSettings settings = new GuardSettings(false, false, Map.of("truncate", RuleMode.OFF), "1", 100,
				VerifyEffects.REVIEW);
		TableSizes sizes = (table) -> new TableSize(table, 500_000, 8192, true);
		List<PreparedMigration> migrations = List.of(prepare("1", "DROP TABLE a"),
				prepare("2", "CREATE TABLE big (id int); CREATE INDEX ON big (id); TRUNCATE c"),
				prepare("3", "-- strata:allow drop-table,drop-column reason=\"x\"\nDROP TABLE d;\n"
						+ "CREATE INDEX ON big (x); CREATE INDEX ON other (x); DO $$ BEGIN END $$"));
		Guard guard = new Guard(settings, sizes);
		List<GuardedMigration> judged = guard.judge(migrations.stream().map(guard::recognise).toList());
		assertThat(judged).isEqualTo(guard.check(migrations).migrations()).hasSize(3);
		assertThat(judged.get(0).skipped()).isTrue();
		// each judged as the next to run: big may exist by then, so its index is
		// escalated by size too
		assertThat(judged.get(2).assessments()).extracting(Assessment::outcome)
			.containsExactly(Outcome.ALLOWED, Outcome.REFUSED, Outcome.REFUSED, Outcome.WARNED);
		assertThat(judged.get(2).warnings()).singleElement().asString().contains("drop-column");
		List<GuardedMigration> run = guard.judgeRun(migrations.stream().map(guard::recognise).toList());
		assertThat(run).isEqualTo(guard.checkRun(migrations).migrations()).hasSize(3);
		// one run: big is created by migration 2 of it, so its index is no finding
		assertThat(run.get(2).assessments()).extracting(Assessment::outcome)
			.containsExactly(Outcome.ALLOWED, Outcome.REFUSED, Outcome.WARNED);
	}

	@Test
	void judgingReportsUnknownRulesOfEveryRecognisedMigration() {
		Guard guard = new Guard(GuardSettings.DEFAULTS, TableSizes.NONE);
		List<RecognisedMigration> recognised = List.of(
				guard.recognise(prepare("1", "-- strata:allow drop-tabel reason=\"x\"\nDROP TABLE a")),
				guard.recognise(prepare("2", "DROP TABLE b")),
				guard.recognise(prepare("3", "-- strata:allow trunc reason=\"x\"\nTRUNCATE c")));
		assertThatThrownBy(() -> guard.judge(recognised)).isInstanceOfSatisfying(MigrationPreparationException.class,
				(ex) -> assertThat(ex.errors()).hasSize(2)
					.anySatisfy((error) -> assertThat(error).startsWith("V1__test.sql:1 ").contains("'drop-tabel'"))
					.anySatisfy((error) -> assertThat(error).startsWith("V3__test.sql:1 ").contains("'trunc'")));
	}

	@Test
	void sizeEscalatesLockingFindings() {
		TableSizes sizes = (table) -> new TableSize(table, table.equals("big") ? 500_000 : 10, 8192, true);
		GuardReport report = new Guard(GuardSettings.DEFAULTS, sizes)
			.check(List.of(prepare("1", "CREATE INDEX ON big (x); CREATE INDEX ON small (x)")));
		assertThat(report.migrations().get(0).assessments()).extracting(Assessment::outcome)
			.containsExactly(Outcome.REFUSED, Outcome.WARNED);
		assertThat(report.refused().get(0).note()).startsWith("table big has ~500,000 rows, 8 kB, above");
	}

	/** Sizes that know no table and record which were asked for. */
	private static TableSizes recordingLookups(List<String> sized) {
		return (table) -> {
			sized.add(table);
			return null;
		};
	}

	@Test
	void inOneRunLockingATableAnEarlierMigrationCreatedIsNotReportedNorSized() {
		List<String> sized = new ArrayList<>();
		TableSizes sizes = recordingLookups(sized);
		GuardReport report = new Guard(GuardSettings.DEFAULTS, sizes)
			.checkRun(List.of(prepare("1", "CREATE TABLE t (x int)"),
					prepare("2", "CREATE INDEX ON t (x); CREATE INDEX ON old (x); ALTER TABLE t DROP COLUMN x")));
		assertThat(report.migrations().get(1).assessments())
			.extracting((a) -> a.finding().ruleId() + " " + a.finding().table())
			.containsExactly("create-index-not-concurrently old", "drop-column t");
		assertThat(sized).containsExactly("old");
	}

	@Test
	void outsideOneRunEveryMigrationIsJudgedAgainstTheDatabaseAsItIs() {
		List<String> sized = new ArrayList<>();
		TableSizes sizes = recordingLookups(sized);
		GuardReport report = new Guard(GuardSettings.DEFAULTS, sizes)
			.check(List.of(prepare("1", "CREATE TABLE t (x int)"), prepare("2", "CREATE INDEX ON t (x)")));
		assertThat(report.migrations().get(1).assessments()).extracting((a) -> a.finding().ruleId())
			.containsExactly("create-index-not-concurrently");
		assertThat(sized).containsExactly("t");
	}

	@Test
	void directiveForAFindingNotReportedInThisRunIsNotCalledUnused() {
		GuardReport report = new Guard(GuardSettings.DEFAULTS, TableSizes.NONE)
			.checkRun(List.of(prepare("1", "CREATE TABLE t (x int)"), prepare("2",
					"-- strata:allow create-index-not-concurrently reason=\"small table\"\nCREATE INDEX ON t (x)")));
		assertThat(report.migrations().get(1).assessments()).isEmpty();
		assertThat(report.migrations().get(1).warnings()).isEmpty();
	}

}
