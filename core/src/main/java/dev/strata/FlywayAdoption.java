package dev.strata;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.history.AppliedMigration;
import dev.strata.history.HistoryType;
import dev.strata.history.internal.FlywayHistory;
import dev.strata.migration.Migration;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.migration.sql.internal.FlywayChecksum;
import dev.strata.plan.ValidationProblem;
import dev.strata.plan.internal.MigrationPlan;
import dev.strata.plan.internal.Planner;
import dev.strata.source.MigrationNames;
import dev.strata.source.Version;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Adopts a schema Flyway migrated: reads Flyway's history and records it as Strata's,
 * under the migration lock, before anything is applied. Every applied SQL file is
 * verified against the checksum Flyway stored, computed as Flyway computes it, so a
 * project whose files changed since is refused rather than adopted blindly. Flyway's
 * table is only read: going back to Flyway remains possible.
 */
final class FlywayAdoption {

	private static final Logger logger = LoggerFactory.getLogger(FlywayAdoption.class);

	private FlywayAdoption() {
	}

	/**
	 * The refusal for a schema Flyway migrated when adoption is off: recognised before
	 * the advice for a schema with tables and no history, whose baseline would run
	 * Flyway's migrations again.
	 */
	static ValidationProblem notAdopted(String schema, String flywayTable, String strataTable) {
		return new ValidationProblem(ValidationProblem.Kind.NOT_EMPTY_WITHOUT_HISTORY, "schema \"" + schema + "\"",
				"was migrated by Flyway (it has Flyway's history table " + flywayTable + ") and has no " + strataTable
						+ " table yet",
				"set strata.flyway.adopt=true: the next migrate records Flyway's history as Strata's (each applied"
						+ " file verified with Flyway's checksum) and runs only what is pending; do not use"
						+ " strata.baseline-on-migrate, which would run Flyway's migrations again");
	}

	/**
	 * Refuses a command that needs Strata's history ({@code baseline}, {@code repair}) on
	 * a schema Flyway migrated and Strata has not adopted yet.
	 */
	static void refuseUnadopted(TargetState target, StrataConfig config) {
		if (target.flywayHistoryToAdopt() != null) {
			throw new ValidationException(target.schema(), List.of(problem(target, config)));
		}
	}

	/** The problem {@link #refuseUnadopted} and {@code status} report. */
	static ValidationProblem problem(TargetState target, StrataConfig config) {
		return config.flywayAdopt() ? toAdopt(target.schema(), config.flywayTable(), config.table())
				: notAdopted(target.schema(), config.flywayTable(), config.table());
	}

	/**
	 * What {@code status} and {@code validate} say of a schema Flyway migrated that
	 * {@code migrate} is about to adopt: until it has, Strata has no history to compare
	 * the files with.
	 */
	static ValidationProblem toAdopt(String schema, String flywayTable, String strataTable) {
		return new ValidationProblem(ValidationProblem.Kind.NOT_EMPTY_WITHOUT_HISTORY, "schema \"" + schema + "\"",
				"was migrated by Flyway (it has Flyway's history table " + flywayTable + ") and has no " + strataTable
						+ " table yet; strata.flyway.adopt=true adopts it at the next migrate",
				"run migrate (the migrator's migrate command, or start the application with strata.on-startup=migrate)");
	}

	/**
	 * Reads Flyway's history, verifies it against the files and records it in Strata's
	 * history table (created here). Runs under the migration lock.
	 * @throws ValidationException naming every applied file that differs from what Flyway
	 * applied, or Flyway's failed rows
	 */
	static MigrateResult.Adopted adopt(Connection connection, StrataConfig config, TargetState target,
			List<Migration> migrations) throws SQLException {
		long start = System.nanoTime();
		String flywayTable = config.flywayTable();
		String schema = target.schema();
		List<FlywayHistory.Row> rows = FlywayHistory.read(connection, schema, flywayTable);
		refuseFailed(schema, flywayTable, rows);
		Map<Version, Migration> versioned = new HashMap<>();
		Map<String, Migration> repeatable = new HashMap<>();
		for (Migration migration : migrations) {
			if (migration.version() != null) {
				versioned.put(migration.version(), migration);
			}
			else {
				repeatable.put(migration.description(), migration);
			}
		}
		Set<String> deleted = deletedVersions(rows);
		Map<String, Integer> lastRepeatable = new HashMap<>();
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).repeatable() && isMigration(rows.get(i))) {
				lastRepeatable.put(rows.get(i).description(), i);
			}
		}
		List<FlywayHistory.Adopted> adopted = new ArrayList<>();
		List<ValidationProblem> differing = new ArrayList<>();
		Counts counts = new Counts();
		@Nullable String baseline = null;
		for (int i = 0; i < rows.size(); i++) {
			FlywayHistory.Row row = rows.get(i);
			String type = row.type();
			if (type.equals("SCHEMA") || type.equals("DELETE")
					|| (row.version() != null && deleted.contains(row.version()))) {
				// A schema Flyway created is no migration; a version Flyway's repair
				// marked deleted is as if it never ran.
				counts.skipped++;
				continue;
			}
			if (type.equals("BASELINE") || type.equals("SQL_BASELINE")) {
				adopted.add(entry(row, HistoryType.BASELINE, null));
				baseline = row.version();
				continue;
			}
			if (!isMigration(row)) {
				throw new StrataException(ErrorCategory.VALIDATION,
						"Flyway's history table " + flywayTable + " in schema \"" + schema + "\" holds a row of type "
								+ type + " (" + display(row) + "), which Strata cannot adopt. Adopt with Flyway's"
								+ " history holding only SQL, Java and baseline rows.");
			}
			if (type.equals("JDBC") || type.equals("SPRING_JDBC")) {
				// Java migrations: Flyway stores no checksum; a ported one is matched by
				// version (or description) and kind.
				adopted.add(entry(row, row.repeatable() ? HistoryType.JAVA_REPEATABLE : HistoryType.JAVA, null));
				counts.java++;
				continue;
			}
			Migration file = row.repeatable() ? repeatable.get(row.description())
					: versioned.get(Version.parse(row.version()));
			HistoryType historyType = row.repeatable() ? HistoryType.SQL_REPEATABLE : HistoryType.SQL;
			if (row.repeatable()) {
				counts.repeatable++;
			}
			else {
				counts.versioned++;
			}
			if (!(file instanceof SqlMigration sql)) {
				// Applied but gone (or now another kind): Strata's validation names it
				// as missing, as Flyway's would.
				adopted.add(entry(row, historyType, row.checksum()));
				continue;
			}
			boolean current = !row.repeatable() || lastRepeatable.get(row.description()) == i;
			Integer flywayChecksum = flywayChecksum(sql, row.repeatable(), config);
			if (current && flywayChecksum.equals(row.checksum())) {
				// Strata's own checksum, so that Strata's validation of the file agrees
				adopted.add(entry(row, historyType, sql.checksum()));
			}
			else if (row.repeatable()) {
				// An older run of a repeatable migration, or one changed since Flyway
				// last
				// ran it: Flyway would run it again, and so will Strata.
				adopted.add(entry(row, historyType, row.checksum()));
			}
			else {
				differing.add(new ValidationProblem(ValidationProblem.Kind.CHECKSUM_MISMATCH, sql.location(),
						"differs from the file Flyway applied as " + display(row) + " (Flyway's checksum "
								+ row.checksum() + ", the file's " + flywayChecksum + ")",
						"put the file back as Flyway applied it (git history), or, if the change is intended and"
								+ " already in the database, run flyway repair first; then adopt"));
			}
		}
		if (!differing.isEmpty()) {
			throw new ValidationException(schema, differing);
		}
		refuseInvalid(schema, adopted, migrations, config);
		record(connection, target, adopted);
		Duration duration = Duration.ofNanos(System.nanoTime() - start);
		MigrateResult.Adopted report = new MigrateResult.Adopted(flywayTable, counts.versioned, counts.repeatable,
				counts.java, baseline, counts.skipped, duration);
		logger.info(
				"Adopted Flyway's history {} in schema \"{}\": {} versioned, {} repeatable and {} Java migration"
						+ " rows{}{} recorded in {} in {} ms; Flyway's table is left as it was",
				flywayTable, schema, counts.versioned, counts.repeatable, counts.java,
				(baseline != null) ? ", a baseline at version " + baseline : "",
				(counts.skipped > 0)
						? " (" + counts.skipped + " rows skipped: schemas Flyway created, deleted versions)" : "",
				target.history().qualifiedName(), duration.toMillis());
		return report;
	}

	/**
	 * The adopted history must hold against the files as Strata's own would (a Java
	 * migration Flyway applied and nobody ported is missing): refused before anything is
	 * written, so that nothing is adopted by a run that then stops.
	 */
	private static void refuseInvalid(String schema, List<FlywayHistory.Adopted> adopted, List<Migration> migrations,
			StrataConfig config) {
		List<AppliedMigration> history = new ArrayList<>();
		Instant now = Instant.now();
		for (FlywayHistory.Adopted row : adopted) {
			history.add(new AppliedMigration(history.size() + 1, row.version(), row.description(), row.type(),
					row.script(), row.checksum(), row.installedBy(), now, row.executionTimeMs(), true, true, 0, 0, null,
					true));
		}
		MigrationPlan plan = new Planner(config.outOfOrder()).plan(migrations, history);
		if (!plan.isValid()) {
			throw new ValidationException(schema, plan.problems());
		}
	}

	/**
	 * Creates Strata's history and records the rows in one transaction: all or nothing.
	 */
	private static void record(Connection connection, TargetState target, List<FlywayHistory.Adopted> adopted)
			throws SQLException {
		boolean autoCommit = connection.getAutoCommit();
		connection.setAutoCommit(false);
		try {
			target.history().create();
			FlywayHistory.record(target.history(), connection, adopted);
			connection.commit();
		}
		catch (SQLException | RuntimeException ex) {
			connection.rollback();
			throw ex;
		}
		finally {
			connection.setAutoCommit(autoCommit);
		}
	}

	/**
	 * Flyway's checksum of a file: over the file as written for a versioned migration,
	 * and, when placeholders are replaced, over the replaced text for a repeatable one.
	 */
	private static Integer flywayChecksum(SqlMigration sql, boolean repeatable, StrataConfig config) {
		return FlywayChecksum
			.of((repeatable && config.placeholders().replacement()) ? sql.content() : sql.file().content());
	}

	/**
	 * Flyway refuses to migrate over a failed row until it is repaired; so does adoption.
	 */
	private static void refuseFailed(String schema, String flywayTable, List<FlywayHistory.Row> rows) {
		List<ValidationProblem> failed = new ArrayList<>();
		for (FlywayHistory.Row row : rows) {
			if (!row.success()) {
				failed
					.add(new ValidationProblem(ValidationProblem.Kind.FAILED, display(row) + " (" + row.script() + ")",
							"failed when Flyway ran it: " + flywayTable + " records it as unsuccessful",
							"remove what it half applied and run flyway repair (as Flyway itself requires before it"
									+ " migrates again), then adopt"));
			}
		}
		if (!failed.isEmpty()) {
			throw new ValidationException(schema, failed);
		}
	}

	/** Versions Flyway's repair marked as deleted (a {@code DELETE} row). */
	private static Set<String> deletedVersions(List<FlywayHistory.Row> rows) {
		Set<String> deleted = new HashSet<>();
		for (FlywayHistory.Row row : rows) {
			if (row.type().equals("DELETE") && row.version() != null) {
				deleted.add(row.version());
			}
		}
		return deleted;
	}

	private static boolean isMigration(FlywayHistory.Row row) {
		return switch (row.type()) {
			case "SQL", "JDBC", "SPRING_JDBC" -> true;
			default -> false;
		};
	}

	private static FlywayHistory.Adopted entry(FlywayHistory.Row row, HistoryType type, @Nullable Integer checksum) {
		return new FlywayHistory.Adopted(row.version(), row.description(), type, row.script(), checksum,
				row.installedBy(), row.installedOn(), row.executionTime());
	}

	private static String display(FlywayHistory.Row row) {
		return MigrationNames.display(row.version(), row.description());
	}

	private static final class Counts {

		int versioned;

		int repeatable;

		int java;

		int skipped;

	}

}
