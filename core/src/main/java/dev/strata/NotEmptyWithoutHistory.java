package dev.strata;

import dev.strata.plan.ValidationProblem;

/**
 * The refusal for a schema that already has tables but no history: the wording lives here
 * only.
 */
final class NotEmptyWithoutHistory {

	private NotEmptyWithoutHistory() {
	}

	static ValidationProblem problem(String schema, String table) {
		return new ValidationProblem(ValidationProblem.Kind.NOT_EMPTY_WITHOUT_HISTORY, "schema \"" + schema + "\"",
				"already has tables but no " + table + " table: it is either an existing database to adopt or the"
						+ " wrong database",
				"if it is an existing database, set strata.baseline-on-migrate=true (and strata.baseline-version to"
						+ " the version that describes it) so migrations at or below it are recorded, not run;"
						+ " otherwise check the connection's URL and strata.schema");
	}

}
