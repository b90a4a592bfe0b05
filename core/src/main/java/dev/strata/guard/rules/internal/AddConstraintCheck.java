package dev.strata.guard.rules.internal;

import java.util.List;

import dev.strata.sql.Token;
import dev.strata.guard.rules.Rule;

/**
 * {@code ADD [CONSTRAINT name] FOREIGN KEY | CHECK | UNIQUE | PRIMARY KEY | EXCLUDE | NOT NULL …}
 * on an existing table: validated at once unless {@code NOT VALID}, and an index built
 * under an exclusive lock unless {@code USING INDEX}.
 */
final class AddConstraintCheck implements AlterAction.Check {

	@Override
	public void check(AlterAction action, MigrationScope scope, Findings findings) {
		if (action.newTable()) {
			return;
		}
		Cursor cursor = action.cursor();
		cursor.accept("ADD");
		Name name = null;
		if (cursor.accept("CONSTRAINT")) {
			name = cursor.name();
		}
		List<Token> rest = cursor.rest();
		String kind = cursor.word(0);
		boolean notValid = Cursor.containsTopLevel(rest, "NOT", "VALID");
		boolean usingIndex = Cursor.containsTopLevel(rest, "USING", "INDEX");
		String what = "adds " + ((name != null) ? "constraint " + name.text() + " " : "") + "to "
				+ action.table().text();
		Name table = action.table();
		if (kind == null) {
			findings.add(Rule.UNRECOGNISED_STATEMENT, action.first(), "the guard does not recognise this constraint",
					null);
			return;
		}
		switch (kind) {
			case "FOREIGN" -> {
				if (!notValid) {
					findings.add(Rule.ADD_FOREIGN_KEY_WITHOUT_NOT_VALID, action.first(),
							what + ": a foreign key validated at once", table);
				}
			}
			case "CHECK" -> {
				if (!notValid) {
					findings.add(Rule.ADD_CHECK_WITHOUT_NOT_VALID, action.first(), what + ": a check validated at once",
							table);
				}
			}
			case "NOT" -> {
				if (!notValid) {
					findings.add(Rule.SET_NOT_NULL, action.first(), what + ": a NOT NULL constraint validated at once",
							table);
				}
			}
			case "UNIQUE", "EXCLUDE" -> {
				if (!usingIndex) {
					findings.add(Rule.ADD_UNIQUE_CONSTRAINT, action.first(),
							what + ": a " + kind + " constraint that builds its index under an exclusive lock", table);
				}
			}
			case "PRIMARY" -> {
				if (!usingIndex) {
					findings.add(Rule.ADD_PRIMARY_KEY, action.first(),
							what + ": a primary key that builds its index under an exclusive lock", table);
				}
			}
			default -> findings.add(Rule.UNRECOGNISED_STATEMENT, action.first(),
					"the guard does not recognise the constraint " + kind, null);
		}
	}

}
