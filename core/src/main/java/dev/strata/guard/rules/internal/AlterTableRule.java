package dev.strata.guard.rules.internal;

import java.util.List;

import dev.strata.sql.KeywordSet;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.Token;
import dev.strata.guard.rules.Rule;

/**
 * {@code ALTER TABLE [IF EXISTS] [ONLY] name [*] action [, action …]}: each action at
 * parenthesis depth 0 is checked on its own, so one safe action cannot hide a dangerous
 * one.
 */
final class AlterTableRule implements StatementRule {

	/**
	 * The actions known: those looked into below, then those that change no data, take a
	 * lock only briefly, and break nothing.
	 */
	private static final KeywordSet ACTIONS = KeywordSet.of("ADD", "DROP", "ALTER", "RENAME", "SET", "DETACH", "ENABLE",
			"DISABLE", "FORCE", "NO", "OWNER", "REPLICA", "INHERIT", "OF", "NOT", "VALIDATE", "ATTACH", "CLUSTER",
			"RESET");

	/** What {@code ADD} starts a constraint with; anything else adds a column. */
	private static final KeywordSet CONSTRAINT_STARTS = KeywordSet.of("CONSTRAINT", "FOREIGN", "CHECK", "UNIQUE",
			"PRIMARY", "EXCLUDE");

	private final AddColumnCheck addColumn = new AddColumnCheck();

	private final AddConstraintCheck addConstraint = new AddConstraintCheck();

	private final AlterColumnCheck alterColumn = new AlterColumnCheck();

	private final DropColumnCheck drop = new DropColumnCheck();

	@Override
	public void check(SqlStatement statement, MigrationScope scope, Findings findings) {
		Cursor cursor = new Cursor(statement.tokens());
		cursor.accept("ALTER", "TABLE");
		cursor.accept("IF", "EXISTS");
		cursor.accept("ONLY");
		Name table = cursor.name();
		if (table == null) {
			StatementRule.unrecognised(statement, findings, "this ALTER TABLE statement");
			return;
		}
		if (cursor.peek() != null && cursor.peek().is("*")) {
			cursor.next();
		}
		if (cursor.atEnd()) {
			StatementRule.unrecognised(statement, findings, "an ALTER TABLE without an action");
			return;
		}
		boolean newTable = scope.isNewTable(table);
		for (List<Token> tokens : Cursor.splitTopLevel(cursor.rest())) {
			if (tokens.isEmpty()) {
				StatementRule.unrecognised(statement, findings, "an empty ALTER TABLE action");
				continue;
			}
			action(statement, new AlterAction(table, tokens, newTable), scope, findings);
		}
	}

	private void action(SqlStatement statement, AlterAction action, MigrationScope scope, Findings findings) {
		Cursor cursor = action.cursor();
		String first = cursor.word(0, ACTIONS);
		if (first == null) {
			String word = cursor.word(0); // copied only here, for the message
			StatementRule.unrecognised(statement, findings, (word != null) ? "the ALTER TABLE action " + word
					: "an ALTER TABLE action starting with " + action.first().text());
			return;
		}
		switch (first) {
			case "ADD" -> {
				cursor.next();
				if (cursor.word(0, CONSTRAINT_STARTS) != null) {
					this.addConstraint.check(action, scope, findings);
				}
				else {
					this.addColumn.check(action, scope, findings);
				}
			}
			case "DROP" -> this.drop.check(action, scope, findings);
			case "ALTER" -> {
				if (cursor.isWord(1, "CONSTRAINT")) {
					return;
				}
				this.alterColumn.check(action, scope, findings);
			}
			case "RENAME" -> rename(action, scope, findings);
			case "SET" -> set(statement, action, findings);
			case "DETACH" -> {
				if (!action.newTable() && !Cursor.containsTopLevel(action.tokens(), "CONCURRENTLY")
						&& !Cursor.containsTopLevel(action.tokens(), "FINALIZE")) {
					findings.add(Rule.DETACH_PARTITION_NOT_CONCURRENTLY, action.first(),
							"detaches a partition of " + action.table().text() + " without CONCURRENTLY",
							action.table());
				}
			}
			default -> {
				// a harmless action
			}
		}
	}

	private static void rename(AlterAction action, MigrationScope scope, Findings findings) {
		Cursor cursor = action.cursor();
		cursor.accept("RENAME");
		if (cursor.accept("CONSTRAINT")) {
			return;
		}
		if (cursor.accept("TO")) {
			Name to = cursor.name();
			if (action.newTable()) {
				if (to != null) {
					scope.createdTable(new Name(action.table().schema(), to.name(), to.text()));
				}
				return;
			}
			findings.add(Rule.RENAME_TABLE, action.first(),
					"renames table " + action.table().text() + ((to != null) ? " to " + to.text() : ""),
					action.table());
			return;
		}
		cursor.accept("COLUMN");
		Name column = cursor.name();
		cursor.accept("TO");
		Name to = cursor.name();
		if (column != null && scope.isNewColumn(action.table(), column.name())) {
			if (to != null) {
				scope.addedColumn(action.table(), to.name());
			}
			return;
		}
		findings.add(Rule.RENAME_COLUMN, action.first(), "renames column " + ((column != null) ? column.text() : "?")
				+ " of " + action.table().text() + ((to != null) ? " to " + to.text() : ""), action.table());
	}

	private static void set(SqlStatement statement, AlterAction action, Findings findings) {
		Cursor cursor = action.cursor();
		cursor.accept("SET");
		String what = cursor.word(0);
		if (what == null || what.equals("WITHOUT")) {
			return; // SET (storage parameters), SET WITHOUT CLUSTER / OIDS
		}
		switch (what) {
			case "SCHEMA" -> {
				if (!action.newTable()) {
					findings.add(Rule.RENAME_TABLE, action.first(),
							"moves table " + action.table().text() + " to another schema", action.table());
				}
			}
			case "TABLESPACE", "LOGGED", "UNLOGGED", "ACCESS" -> {
				if (!action.newTable()) {
					findings.add(Rule.REWRITE_TABLE, action.first(),
							"SET " + what + " rewrites table " + action.table().text(), action.table());
				}
			}
			default -> StatementRule.unrecognised(statement, findings, "the ALTER TABLE action SET " + what);
		}
	}

}
