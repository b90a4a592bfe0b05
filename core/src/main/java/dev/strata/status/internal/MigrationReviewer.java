package dev.strata.status.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.StatusResult;
import dev.strata.error.StrataException;
import dev.strata.guard.internal.Guard;
import dev.strata.guard.GuardSettings;
import dev.strata.guard.GuardedMigration;
import dev.strata.guard.TableSizes;
import dev.strata.migration.PreparedMigration;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.plan.MigrationStatus;
import dev.strata.migration.Migration;
import dev.strata.sql.SqlScript;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.SqlSyntaxException;
import dev.strata.status.MigrationReview;

/**
 * Runs the guard over the migration files for the status views, once per file and
 * checksum: files rarely change while an application runs, so a refresh after the first
 * costs map lookups only. Judges each file on its own, so one bad file does not hide the
 * findings of the others.
 */
final class MigrationReviewer {

	private final Guard guard;

	private volatile Map<Key, MigrationReview> reviewed = Map.of();

	MigrationReviewer(GuardSettings settings) {
		this.guard = new Guard(settings, TableSizes.NONE);
	}

	/**
	 * A review of every migration that has a file, by {@link Migration#location()}.
	 */
	Map<String, MigrationReview> review(StatusResult status) {
		Map<Key, MigrationReview> previous = this.reviewed;
		Map<Key, MigrationReview> current = new HashMap<>();
		Map<String, MigrationReview> byLocation = new HashMap<>();
		for (MigrationStatus migration : status.migrations()) {
			Migration file = migration.migration();
			if (file != null) {
				Key key = new Key(file.location(), file.checksum());
				MigrationReview review = previous.get(key);
				if (review == null) {
					review = review(file);
				}
				current.put(key, review);
				byLocation.put(file.location(), review);
			}
		}
		// Only the files seen now are kept, so edited files do not accumulate.
		this.reviewed = current;
		return Map.copyOf(byLocation);
	}

	private MigrationReview review(Migration migration) {
		// A SQL file is split once, so its statements are shown even when it cannot run.
		SqlScript script = null;
		if (migration instanceof SqlMigration sql) {
			try {
				script = SqlScript.parse(sql.location(), sql.content());
			}
			catch (SqlSyntaxException | StrataException ex) {
				return new MigrationReview(List.of(), List.of(), false, ex.getMessage(), List.of(), ex.getMessage());
			}
		}
		List<SqlStatement> statements = (script != null) ? script.statements() : List.of();
		try {
			PreparedMigration prepared = (script != null) ? ((SqlMigration) migration).prepare(script)
					: migration.prepare();
			GuardedMigration guarded = this.guard.check(List.of(prepared)).migrations().get(0);
			return new MigrationReview(guarded.assessments(), guarded.warnings(), guarded.skipped(), null,
					prepared.statements(), null);
		}
		catch (SqlSyntaxException | StrataException ex) {
			return new MigrationReview(List.of(), List.of(), false, ex.getMessage(), statements, null);
		}
	}

	private record Key(String location, int checksum) {
	}

}
