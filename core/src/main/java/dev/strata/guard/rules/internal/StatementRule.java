package dev.strata.guard.rules.internal;

import dev.strata.sql.SqlStatement;
import dev.strata.guard.rules.Rule;

/** Checks one kind of statement and reports what it finds. */
interface StatementRule {

	void check(SqlStatement statement, MigrationScope scope, Findings findings);

	/** Fail closed: a statement a rule cannot follow is reported, never taken as safe. */
	static void unrecognised(SqlStatement statement, Findings findings, String what) {
		findings.add(Rule.UNRECOGNISED_STATEMENT, "the guard does not recognise " + what);
	}

}
