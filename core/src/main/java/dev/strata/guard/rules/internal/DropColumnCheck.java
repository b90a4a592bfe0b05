package dev.strata.guard.rules.internal;

import dev.strata.guard.rules.Rule;

/**
 * {@code DROP [COLUMN] [IF EXISTS] name [CASCADE]} and {@code DROP CONSTRAINT …}:
 * dropping a column that existed before the migration loses its data; dropping a
 * constraint loses none, though CASCADE may reach further.
 */
final class DropColumnCheck implements AlterAction.Check {

	@Override
	public void check(AlterAction action, MigrationScope scope, Findings findings) {
		Cursor cursor = action.cursor();
		cursor.accept("DROP");
		boolean constraint = cursor.accept("CONSTRAINT");
		if (!constraint) {
			cursor.accept("COLUMN");
		}
		cursor.accept("IF", "EXISTS");
		Name name = cursor.name();
		if (name == null) {
			findings.add(Rule.UNRECOGNISED_STATEMENT, action.first(), "the guard does not recognise this DROP action",
					null);
			return;
		}
		boolean cascade = cursor.accept("CASCADE");
		if (action.newTable()) {
			return;
		}
		if (!constraint && !scope.isNewColumn(action.table(), name.name())) {
			findings.add(Rule.DROP_COLUMN, action.first(),
					"drops column " + name.text() + " of " + action.table().text(), action.table());
		}
		if (cascade && (constraint || !scope.isNewColumn(action.table(), name.name()))) {
			findings.add(Rule.CASCADE, action.first(), "DROP " + (constraint ? "CONSTRAINT " : "COLUMN ") + name.text()
					+ " CASCADE also drops every object that depends on it", action.table());
		}
	}

}
