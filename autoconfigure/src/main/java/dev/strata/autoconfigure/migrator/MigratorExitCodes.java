package dev.strata.autoconfigure.migrator;

import dev.strata.error.ErrorCategory;

/**
 * The migrator's exit code for each kind of failure: a contract with the Jobs, tasks and
 * CI steps that run it (docs/configuration.md). {@code 0} is success.
 */
public final class MigratorExitCodes {

	private MigratorExitCodes() {
	}

	public static int of(ErrorCategory category) {
		return switch (category) {
			case UNEXPECTED -> 1;
			case CONFIGURATION -> 2;
			case VALIDATION -> 3;
			case REFUSED -> 4;
			case MIGRATION_FAILED -> 5;
			case LOCK_TIMEOUT -> 6;
			case DRIFT -> 7;
		};
	}

}
