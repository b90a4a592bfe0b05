package dev.strata.guard.rules.internal;

import java.util.Set;
import dev.strata.guard.rules.Rule;

/**
 * {@code ALTER [COLUMN] name …}: a type change rewrites, SET NOT NULL scans, DROP NOT
 * NULL lets nulls reach old readers; defaults, statistics, storage and identity settings
 * are harmless.
 */
final class AlterColumnCheck implements AlterAction.Check {

	private static final Set<String> HARMLESS_SET = Set.of("DEFAULT", "STATISTICS", "STORAGE", "COMPRESSION",
			"GENERATED", "INCREMENT", "START", "MINVALUE", "MAXVALUE", "CACHE", "CYCLE", "NO");

	@Override
	public void check(AlterAction action, MigrationScope scope, Findings findings) {
		Cursor cursor = action.cursor();
		cursor.accept("ALTER");
		cursor.accept("COLUMN");
		Name column = cursor.name();
		String first = cursor.word(0);
		if (column == null || first == null) {
			unrecognised(action, findings, "this ALTER COLUMN action");
			return;
		}
		String what = " column " + column.text() + " of " + action.table().text();
		if (cursor.accept("TYPE") || cursor.accept("SET", "DATA", "TYPE")) {
			if (!action.newTable()) {
				findings.add(Rule.ALTER_COLUMN_TYPE, action.first(), "changes the type of" + what, action.table());
			}
		}
		else if (cursor.accept("SET", "NOT", "NULL")) {
			if (!action.newTable()) {
				findings.add(Rule.SET_NOT_NULL, action.first(), "sets NOT NULL on" + what, action.table());
			}
		}
		else if (cursor.accept("DROP", "NOT", "NULL")) {
			if (!scope.isNewColumn(action.table(), column.name())) {
				findings.add(Rule.DROP_NOT_NULL, action.first(), "drops NOT NULL from" + what, action.table());
			}
		}
		else if (cursor.accept("SET") || cursor.accept("RESET")) {
			String setting = cursor.word(0);
			if (setting != null && !HARMLESS_SET.contains(setting)) {
				unrecognised(action, findings, "ALTER COLUMN … SET " + setting);
			}
		}
		else if (cursor.accept("DROP") || cursor.accept("ADD") || cursor.accept("RESTART")) {
			// DROP DEFAULT / IDENTITY / EXPRESSION, ADD GENERATED … AS IDENTITY, RESTART:
			// catalog only
		}
		else {
			unrecognised(action, findings, "ALTER COLUMN … " + first);
		}
	}

	private static void unrecognised(AlterAction action, Findings findings, String what) {
		findings.add(Rule.UNRECOGNISED_STATEMENT, action.first(), "the guard does not recognise " + what, null);
	}

}
