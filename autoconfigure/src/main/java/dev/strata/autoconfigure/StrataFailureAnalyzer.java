package dev.strata.autoconfigure;

import dev.strata.ConnectionFailedException;
import dev.strata.error.StrataException;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a Strata failure at startup into what happened and what to do, instead of a wall
 * of stack trace. Strata's messages already carry file, line, statement and fix.
 */
class StrataFailureAnalyzer extends AbstractFailureAnalyzer<StrataException> {

	@Override
	protected FailureAnalysis analyze(Throwable rootFailure, StrataException cause) {
		return new FailureAnalysis(cause.getMessage(), action(cause), cause);
	}

	private static String action(StrataException cause) {
		if (cause instanceof ConnectionFailedException connection) {
			return "Check " + connection.settings().describe() + ".";
		}
		return switch (cause.category()) {
			case CONFIGURATION -> "Check the datasource and strata.* properties named above.";
			case VALIDATION -> "Fix the migration files or the history as described above, then start again.";
			case REFUSED -> "Rewrite the statement safely, or allow it explicitly as described above.";
			case MIGRATION_FAILED ->
				"Fix the migration named above and start again; the migrations before it stay applied.";
			case LOCK_TIMEOUT -> "Wait for the other migrator to finish, or raise strata.lock-wait-timeout.";
			case DRIFT -> "Review the drift report, then fix the schema or accept the drift.";
			case UNEXPECTED -> "See the cause below.";
		};
	}

}
