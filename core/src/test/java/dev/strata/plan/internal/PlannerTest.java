package dev.strata.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.strata.source.MigrationFile;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.history.AppliedMigration;
import dev.strata.history.HistoryType;
import dev.strata.migration.Migration;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;
import org.junit.jupiter.api.Test;
import dev.strata.plan.ValidationProblem;

class PlannerTest {

	private final List<AppliedMigration> history = new ArrayList<>();

	@Test
	void emptyHistoryMakesEveryFilePendingVersionedFirst() {
		MigrationPlan plan = plan(false, versioned("1", 11), versioned("2", 22), repeatable("views", 33));

		assertThat(states(plan)).containsExactly("1 PENDING", "2 PENDING", "null PENDING");
		assertThat(plan.pending()).extracting(Migration::script)
			.containsExactly("V1__m.sql", "V2__m.sql", "R__views.sql");
		assertThat(plan.currentVersion()).isNull();
		assertThat(plan.isValid()).isTrue();
	}

	@Test
	void appliedMatchingFileIsApplied() {
		applied("1", 11, true);

		MigrationPlan plan = plan(false, versioned("1", 11), versioned("2", 22));

		assertThat(states(plan)).containsExactly("1 APPLIED", "2 PENDING");
		assertThat(plan.currentVersion()).isEqualTo(Version.parse("1"));
	}

	@Test
	void changedChecksumAndDescriptionAreMismatches() {
		applied("1", 11, true);
		this.history.add(row("2", "old name", HistoryType.SQL, 22, true));

		MigrationPlan plan = plan(false, versioned("1", 99), versioned("2", 22));

		assertThat(states(plan)).containsExactly("1 CHECKSUM_MISMATCH", "2 DESCRIPTION_MISMATCH");
		assertThat(plan.problems()).extracting(ValidationProblem::kind)
			.containsExactly(ValidationProblem.Kind.CHECKSUM_MISMATCH, ValidationProblem.Kind.DESCRIPTION_MISMATCH);
	}

	@Test
	void appliedWithoutFileIsMissingBelowTheNewestFileAndFutureAboveIt() {
		applied("1", 11, true);
		applied("2", 22, true);
		applied("3", 33, true);

		MigrationPlan plan = plan(false, versioned("2", 22));

		assertThat(states(plan)).containsExactly("1 MISSING", "2 APPLIED", "3 FUTURE");
		assertThat(plan.problems()).extracting(ValidationProblem::kind).containsExactly(ValidationProblem.Kind.MISSING);
		assertThat(plan.currentVersion()).isEqualTo(Version.parse("3"));
	}

	@Test
	void pendingBelowTheCurrentVersionIsIgnoredOrOutOfOrder() {
		applied("1", 11, true);
		applied("3", 33, true);

		MigrationPlan strict = plan(false, versioned("1", 11), versioned("2", 22), versioned("3", 33));
		assertThat(states(strict)).containsExactly("1 APPLIED", "2 IGNORED", "3 APPLIED");
		assertThat(strict.pending()).isEmpty();
		assertThat(strict.problems()).extracting(ValidationProblem::kind)
			.containsExactly(ValidationProblem.Kind.OUT_OF_ORDER);

		MigrationPlan lenient = plan(true, versioned("1", 11), versioned("2", 22), versioned("3", 33));
		assertThat(states(lenient)).containsExactly("1 APPLIED", "2 OUT_OF_ORDER", "3 APPLIED");
		assertThat(lenient.pending()).extracting(Migration::script).containsExactly("V2__m.sql");
		assertThat(lenient.isValid()).isTrue();
	}

	@Test
	void failedRowIsAProblemAndNotPending() {
		applied("1", 11, true);
		applied("2", 22, false);

		MigrationPlan plan = plan(false, versioned("1", 11), versioned("2", 22));

		assertThat(states(plan)).containsExactly("1 APPLIED", "2 FAILED");
		assertThat(plan.pending()).isEmpty();
		assertThat(plan.problems()).extracting(ValidationProblem::kind).containsExactly(ValidationProblem.Kind.FAILED);
		assertThat(plan.currentVersion()).isEqualTo(Version.parse("1"));
	}

	@Test
	void baselineMarksOlderFilesAsBelowIt() {
		this.history.add(row("2", "<< Strata Baseline >>", HistoryType.BASELINE, null, true));

		MigrationPlan plan = plan(false, versioned("1", 11), versioned("2", 22), versioned("3", 33));

		assertThat(states(plan)).containsExactly("1 BELOW_BASELINE", "2 BASELINE", "2 BELOW_BASELINE", "3 PENDING");
		assertThat(plan.pending()).extracting(Migration::script).containsExactly("V3__m.sql");
		assertThat(plan.currentVersion()).isEqualTo(Version.parse("2"));
	}

	@Test
	void repeatableIsOutdatedWhenItsChecksumChangesAndOlderRowsAreSuperseded() {
		this.history.add(row(null, "views", HistoryType.SQL_REPEATABLE, 1, true));
		this.history.add(row(null, "views", HistoryType.SQL_REPEATABLE, 2, true));
		this.history.add(row(null, "gone", HistoryType.SQL_REPEATABLE, 3, true));

		MigrationPlan changed = plan(false, repeatable("views", 5));
		assertThat(states(changed)).containsExactly("null MISSING", "null SUPERSEDED", "null OUTDATED");
		assertThat(changed.pending()).extracting(Migration::script).containsExactly("R__views.sql");

		MigrationPlan same = plan(false, repeatable("views", 2), repeatable("gone", 3));
		assertThat(states(same)).containsExactly("null APPLIED", "null SUPERSEDED", "null APPLIED");
		assertThat(same.pending()).isEmpty();
	}

	private MigrationPlan plan(boolean outOfOrder, Migration... files) {
		return new Planner(outOfOrder).plan(List.of(files), this.history);
	}

	private static List<String> states(MigrationPlan plan) {
		return plan.statuses().stream().map((s) -> s.version() + " " + s.state()).toList();
	}

	private void applied(String version, int checksum, boolean success) {
		this.history.add(row(version, "m", HistoryType.SQL, checksum, success));
	}

	private AppliedMigration row(String version, String description, HistoryType type, Integer checksum,
			boolean success) {
		String script = (type == HistoryType.SQL_REPEATABLE) ? "R__" + description + ".sql" : "V" + version + "__m.sql";
		return new AppliedMigration(this.history.size() + 1, version, description, type, script, checksum, "test",
				Instant.now(), 1, success, true, success ? 1 : 0, 1, null, true);
	}

	private static Migration versioned(String version, int checksum) {
		return new SqlMigration(new MigrationFile(MigrationType.VERSIONED, Version.parse(version), "m",
				"V" + version + "__m.sql", "filesystem:/m/V" + version + "__m.sql", "select 1;", checksum));
	}

	private static Migration repeatable(String description, int checksum) {
		return new SqlMigration(new MigrationFile(MigrationType.REPEATABLE, null, description,
				"R__" + description + ".sql", "filesystem:/m/R__" + description + ".sql", "select 1;", checksum));
	}

}
