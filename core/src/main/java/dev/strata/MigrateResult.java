package dev.strata;

import java.time.Duration;
import java.util.List;

import dev.strata.execute.SlowStatement;
import org.jspecify.annotations.Nullable;

/**
 * What {@code migrate} did.
 *
 * @param target the name of the target (see
 * {@link dev.strata.targets.MigrationTarget#name()})
 * @param schema the schema holding the history table
 * @param initialVersion the version before, {@code null} for an empty history
 * @param currentVersion the version after
 * @param applied the migrations applied, in order
 * @param baselined whether a baseline was recorded first ({@code baseline-on-migrate})
 * @param lockWait how long it waited for another migrator
 * @param duration the whole command
 * @param slowStatements the statements that ran longer than
 * {@link dev.strata.execute.ExecutionSettings#progressInterval()}, in the order they ran
 * @param adopted Flyway's history, if this run adopted it ({@code strata.flyway.adopt})
 */
public record MigrateResult(String target, String schema, @Nullable String initialVersion,
		@Nullable String currentVersion, List<AppliedReport> applied, boolean baselined, Duration lockWait,
		Duration duration, List<SlowStatement> slowStatements, @Nullable Adopted adopted) {

	/**
	 * Flyway's history, recorded as Strata's before anything was applied.
	 *
	 * @param flywayTable the table it was read from (left as it was)
	 * @param versioned versioned SQL migrations recorded
	 * @param repeatable rows of repeatable SQL migrations recorded
	 * @param java Java migrations recorded (without a checksum: Flyway stores none)
	 * @param baselineVersion the version of Flyway's baseline, {@code null} if it had
	 * none
	 * @param skipped rows that are no migration (schemas Flyway created, versions its
	 * repair marked deleted)
	 * @param duration how long reading, verifying and recording took
	 */
	public record Adopted(String flywayTable, int versioned, int repeatable, int java, @Nullable String baselineVersion,
			int skipped, Duration duration) {
	}

	/**
	 * One applied migration.
	 *
	 * @param version the version, {@code null} for a repeatable migration
	 * @param description the description
	 * @param script the file
	 * @param transactional whether it ran in one transaction
	 * @param duration how long it took
	 */
	public record AppliedReport(@Nullable String version, String description, String script, boolean transactional,
			Duration duration) {
	}

	/** The one-line summary Strata logs. */
	public String summary() {
		String version = (this.currentVersion != null) ? this.currentVersion : "<none>";
		if (this.applied.isEmpty()) {
			return "Schema \"" + this.schema + "\" is up to date at version " + version;
		}
		return this.applied.size() + ((this.applied.size() == 1) ? " migration" : " migrations") + " applied in "
				+ this.duration.toMillis() + " ms; schema \"" + this.schema + "\" now at version " + version;
	}

}
