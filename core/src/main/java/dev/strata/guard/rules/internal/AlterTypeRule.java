package dev.strata.guard.rules.internal;

import dev.strata.sql.SqlStatement;
import dev.strata.guard.rules.Rule;

/**
 * {@code ALTER TYPE name …}: renaming or dropping an enum value changes what stored rows
 * mean; adding values, attributes or renaming the type itself is harmless.
 */
final class AlterTypeRule implements StatementRule {

	@Override
	public void check(SqlStatement statement, MigrationScope scope, Findings findings) {
		Cursor cursor = new Cursor(statement.tokens());
		cursor.accept("ALTER", "TYPE");
		Name type = cursor.name();
		if (type == null) {
			StatementRule.unrecognised(statement, findings, "this ALTER TYPE");
			return;
		}
		if (scope.isNewType(type)) {
			return;
		}
		if (cursor.accept("RENAME", "VALUE")) {
			findings.add(Rule.RENAME_ENUM_VALUE, null, "renames a value of enum " + type.text(), null);
		}
		else if (cursor.accept("DROP", "VALUE")) {
			findings.add(Rule.DROP_ENUM_VALUE, null, "drops a value of enum " + type.text(), null);
		}
		else if (cursor.accept("DROP", "ATTRIBUTE")) {
			findings.add(Rule.DROP_COLUMN, null, "drops an attribute of type " + type.text(), null);
		}
	}

}
