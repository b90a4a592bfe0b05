package dev.strata.guard.rules.internal;

import java.util.List;

import dev.strata.sql.Token;

/**
 * One comma-separated action of an {@code ALTER TABLE}.
 *
 * @param table the altered table
 * @param tokens the action's tokens, from its first keyword
 * @param newTable whether the migration created the table, which exempts it from locking
 * and compatibility findings
 */
record AlterAction(Name table, List<Token> tokens, boolean newTable) {

	Token first() {
		return this.tokens.get(0);
	}

	Cursor cursor() {
		return new Cursor(this.tokens);
	}

	/** Checks one kind of action. */
	interface Check {

		void check(AlterAction action, MigrationScope scope, Findings findings);

	}

}
