package dev.strata.guard;

import java.util.List;

/** What the guard made of a set of migrations, in order. */
public record GuardReport(List<GuardedMigration> migrations) {

	public GuardReport {
		migrations = List.copyOf(migrations);
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
		return this.migrations.stream()
			.filter((migration) -> migration.file().location().equals(location))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No guarded migration " + location));
	}

}
