package dev.strata;

import java.util.List;

import dev.strata.migration.PreparedMigration;

/**
 * What {@code migrate} would apply, touching nothing.
 *
 * @param status the state of every migration
 * @param pending the pending migrations as {@code migrate} prepares them: split into
 * statements, with their directives and whether each runs in a transaction
 */
public record DryRunResult(StatusResult status, List<PreparedMigration> pending) {

	public DryRunResult {
		pending = List.copyOf(pending);
	}

}
