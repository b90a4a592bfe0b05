package dev.strata.migration.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.strata.source.MigrationSourceException;
import dev.strata.migration.Migration;
import dev.strata.migration.MigrationResolver;

/**
 * Every resolver's migrations as one list, in the order they apply: versioned ones by
 * version, then repeatable ones by description. Two migrations with one version (or one
 * repeatable description) are an error, whichever resolvers found them.
 */
public final class Migrations {

	private Migrations() {
	}

	/**
	 * @throws MigrationSourceException for a migration a resolver cannot read, or a
	 * duplicate
	 */
	public static List<Migration> resolve(List<? extends MigrationResolver> resolvers) {
		List<Migration> versioned = new ArrayList<>();
		List<Migration> repeatable = new ArrayList<>();
		Map<Object, Migration> seen = new HashMap<>();
		for (MigrationResolver resolver : resolvers) {
			for (Migration migration : resolver.resolve()) {
				Object key = (migration.version() != null) ? migration.version() : "R:" + migration.description();
				Migration previous = seen.putIfAbsent(key, migration);
				if (previous != null) {
					throw duplicate(previous, migration);
				}
				((migration.version() != null) ? versioned : repeatable).add(migration);
			}
		}
		versioned.sort(Comparator.comparing(Migration::version));
		repeatable.sort(Comparator.comparing(Migration::description));
		versioned.addAll(repeatable);
		return List.copyOf(versioned);
	}

	private static MigrationSourceException duplicate(Migration first, Migration second) {
		String what = (first.version() != null) ? "version " + first.version()
				: "repeatable migration '" + first.description() + "'";
		return new MigrationSourceException(second.location(),
				"has the same " + what + " as " + first.location()
						+ " (versions equal as numbers are the same: V1, V1.0, V01)",
				"give one of them another version, or remove the copy");
	}

}
