package dev.strata.guard.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import dev.strata.guard.Assessment;
import dev.strata.guard.GuardedMigration;

/** What the guard made of a set of migrations, in order. */
public final class GuardReport {

	private final List<GuardedMigration> migrations;

	/**
	 * By location: a run looks up every one of its migrations, so a list search would be
	 * quadratic.
	 */
	private final Map<String, GuardedMigration> byLocation = new HashMap<>();

	public GuardReport(List<GuardedMigration> migrations) {
		this.migrations = List.copyOf(migrations);
		for (GuardedMigration migration : this.migrations) {
			this.byLocation.putIfAbsent(migration.migration().location(), migration);
		}
	}

	/** Every migration judged, in order. */
	public List<GuardedMigration> migrations() {
		return this.migrations;
	}

	/** Every refused finding, across migrations. */
	public List<Assessment> refused() {
		return this.migrations.stream().flatMap((migration) -> migration.refused().stream()).toList();
	}

	public boolean isRefused() {
		return !refused().isEmpty();
	}

	/** The report of one migration, by its file's location. */
	public GuardedMigration of(String location) {
		GuardedMigration migration = this.byLocation.get(location);
		if (migration == null) {
			throw new IllegalArgumentException("No guarded migration " + location);
		}
		return migration;
	}

}
