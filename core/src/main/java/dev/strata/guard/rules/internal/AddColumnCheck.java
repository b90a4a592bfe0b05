package dev.strata.guard.rules.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.strata.sql.KeywordSet;
import dev.strata.sql.Token;
import dev.strata.sql.TokenKind;
import org.jspecify.annotations.Nullable;
import dev.strata.guard.rules.Rule;

/**
 * {@code ADD [COLUMN] [IF NOT EXISTS] name type [constraints]} on an existing table: a
 * default that must be computed per row rewrites the table, NOT NULL without a default
 * fails on rows and breaks old inserts, and inline constraints lock and scan like their
 * {@code ADD CONSTRAINT} forms.
 */
final class AddColumnCheck implements AlterAction.Check {

	/**
	 * Functions PostgreSQL marks immutable or stable that are common in defaults: with
	 * them (or a constant) PostgreSQL 11+ adds the column without touching the rows. Any
	 * other function is taken as volatile: refusing a safe default costs a directive,
	 * missing a rewrite costs an outage.
	 */
	private static final Set<String> NON_VOLATILE = Set.of("now", "current_timestamp", "current_date", "current_time",
			"localtimestamp", "localtime", "transaction_timestamp", "statement_timestamp", "current_user",
			"session_user", "current_schema", "current_setting", "lower", "upper", "coalesce", "nullif", "greatest",
			"least", "concat", "to_char", "to_date", "to_timestamp", "make_date", "make_interval", "timezone",
			"date_trunc", "jsonb_build_object", "json_build_object", "jsonb_build_array", "json_build_array", "array",
			"row", "length", "abs", "round", "cast", "interval", "numeric", "varchar", "char", "timestamp",
			"timestamptz", "time", "decimal", "float", "bit", "substring", "trim", "replace", "format", "md5");

	private static final KeywordSet SERIAL = KeywordSet.of("SERIAL", "BIGSERIAL", "SMALLSERIAL", "SERIAL2", "SERIAL4",
			"SERIAL8");

	/** Words that end a DEFAULT expression. */
	private static final KeywordSet CONSTRAINT_WORDS = KeywordSet.of("NOT", "NULL", "CONSTRAINT", "CHECK", "UNIQUE",
			"PRIMARY", "REFERENCES", "GENERATED", "COLLATE");

	@Override
	public void check(AlterAction action, MigrationScope scope, Findings findings) {
		Cursor cursor = action.cursor();
		cursor.accept("ADD");
		cursor.accept("COLUMN");
		cursor.accept("IF", "NOT", "EXISTS");
		Name column = cursor.name();
		if (column == null) {
			findings.add(Rule.UNRECOGNISED_STATEMENT, action.first(), "the guard does not recognise this ADD action",
					null);
			return;
		}
		scope.addedColumn(action.table(), column.name());
		if (action.newTable()) {
			return;
		}
		List<Token> definition = cursor.rest();
		String what = "adds column " + column.text() + " to " + action.table().text();
		int defaultAt = Cursor.indexOfTopLevel(definition, "DEFAULT");
		boolean generated = Cursor.containsTopLevel(definition, "GENERATED");
		String serial = new Cursor(definition).word(0, SERIAL);
		if (serial != null) {
			volatileDefault(action, findings,
					what + " of type " + serial.toLowerCase(Locale.ROOT) + ", which fills every row from a sequence");
		}
		else if (generated) {
			volatileDefault(action, findings, what + " as a generated column, which fills every row");
		}
		else if (defaultAt >= 0) {
			String function = volatileFunction(definition.subList(defaultAt + 1, definition.size()));
			if (function != null) {
				volatileDefault(action, findings,
						what + " with a default calling " + function + "(), which fills every row");
			}
		}
		if (Cursor.containsTopLevel(definition, "NOT", "NULL") && defaultAt < 0 && !generated && serial == null) {
			findings.add(Rule.ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT, action.first(),
					what + " as NOT NULL without a default", action.table());
		}
		if (Cursor.containsTopLevel(definition, "REFERENCES")) {
			findings.add(Rule.ADD_FOREIGN_KEY_WITHOUT_NOT_VALID, action.first(),
					what + " with an inline foreign key, which is validated at once", action.table());
		}
		if (Cursor.containsTopLevel(definition, "CHECK")) {
			findings.add(Rule.ADD_CHECK_WITHOUT_NOT_VALID, action.first(),
					what + " with an inline check, which is validated at once", action.table());
		}
		if (Cursor.containsTopLevel(definition, "UNIQUE")) {
			findings.add(Rule.ADD_UNIQUE_CONSTRAINT, action.first(), what + " as UNIQUE, which builds an index",
					action.table());
		}
		if (Cursor.containsTopLevel(definition, "PRIMARY", "KEY")) {
			findings.add(Rule.ADD_PRIMARY_KEY, action.first(), what + " as PRIMARY KEY", action.table());
		}
	}

	private static void volatileDefault(AlterAction action, Findings findings, String message) {
		findings.add(Rule.ADD_COLUMN_VOLATILE_DEFAULT, action.first(), message, action.table());
	}

	/**
	 * The first function in a DEFAULT expression that is not known to be non-volatile, or
	 * null.
	 */
	private static @Nullable String volatileFunction(List<Token> expression) {
		for (int i = 0; i + 1 < expression.size(); i++) {
			Token token = expression.get(i);
			if (CONSTRAINT_WORDS.contains(token)) {
				return null;
			}
			if (token.kind() == TokenKind.WORD && expression.get(i + 1).is("(")
					&& !NON_VOLATILE.contains(token.text().toLowerCase(Locale.ROOT))) {
				return token.text().toLowerCase(Locale.ROOT);
			}
		}
		return null;
	}

}
