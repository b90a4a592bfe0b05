package dev.strata.migration.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.strata.source.MigrationSourceException;
import dev.strata.sql.SqlSyntaxException;
import dev.strata.migration.Migration;
import dev.strata.migration.MigrationPreparationException;
import dev.strata.migration.PreparedMigration;

/**
 * Prepares every pending migration before the first one runs, so that a bad migration
 * anywhere means nothing is applied. Collects every problem instead of stopping at the
 * first.
 */
public final class MigrationPreparer {

	/**
	 * @throws MigrationPreparationException listing every migration that cannot run
	 */
	public List<PreparedMigration> prepare(List<? extends Migration> pending) {
		return prepare(pending, Function.identity());
	}

	/**
	 * As {@link #prepare(List)}, handing each migration to {@code then} as soon as it is
	 * prepared and keeping what {@code then} makes of it: a caller that needs the
	 * statements only briefly never holds every file's at once.
	 * @throws MigrationPreparationException listing every migration that cannot run
	 */
	public <T> List<T> prepare(List<? extends Migration> pending, Function<PreparedMigration, T> then) {
		List<T> prepared = new ArrayList<>(pending.size());
		List<String> errors = new ArrayList<>();
		for (Migration migration : pending) {
			PreparedMigration ready;
			try {
				ready = migration.prepare();
			}
			catch (SqlSyntaxException | MigrationSourceException ex) {
				errors.add(ex.getMessage());
				continue;
			}
			prepared.add(then.apply(ready));
		}
		if (!errors.isEmpty()) {
			throw new MigrationPreparationException(errors);
		}
		return prepared;
	}

}
