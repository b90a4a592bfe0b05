package dev.strata.guard.rules.internal;

import dev.strata.sql.KeywordSet;
import dev.strata.sql.SqlStatement;

/**
 * {@code CREATE …}: records what the migration creates, so later statements on it are
 * exempt, and hands {@code CREATE INDEX} to its rule. Creating is otherwise safe.
 */
final class CreateStatements implements StatementRule {

	/** Words between CREATE and the object kind. */
	private static final KeywordSet MODIFIERS = KeywordSet.of("OR", "REPLACE", "TEMP", "TEMPORARY", "UNLOGGED",
			"GLOBAL", "LOCAL", "RECURSIVE", "TRUSTED", "PROCEDURAL", "DEFAULT", "CONSTRAINT");

	/**
	 * The object kinds known: those looked into below, then those whose creation needs no
	 * further look.
	 */
	private static final KeywordSet KINDS = KeywordSet.of("UNIQUE", "INDEX", "TABLE", "TYPE", "DOMAIN", "SEQUENCE",
			"SCHEMA", "MATERIALIZED", "VIEW", "FUNCTION", "PROCEDURE", "TRIGGER", "EXTENSION", "POLICY", "ROLE", "USER",
			"GROUP", "RULE", "AGGREGATE", "OPERATOR", "CAST", "COLLATION", "CONVERSION", "TEXT", "STATISTICS", "EVENT",
			"FOREIGN", "SERVER", "PUBLICATION", "SUBSCRIPTION", "TABLESPACE", "DATABASE", "LANGUAGE", "ACCESS",
			"TRANSFORM");

	private final CreateIndexRule createIndex = new CreateIndexRule();

	@Override
	public void check(SqlStatement statement, MigrationScope scope, Findings findings) {
		Cursor cursor = new Cursor(statement.tokens());
		cursor.accept("CREATE");
		while (cursor.word(0, MODIFIERS) != null) {
			cursor.next();
		}
		String kind = cursor.word(0, KINDS);
		if (kind == null) {
			String word = cursor.word(0); // copied only here, for the message
			StatementRule.unrecognised(statement, findings,
					(word != null) ? "CREATE " + word : "this CREATE statement");
			return;
		}
		if (kind.equals("UNIQUE") || kind.equals("INDEX")) {
			this.createIndex.check(statement, scope, findings);
			return;
		}
		cursor.next();
		switch (kind) {
			case "TABLE" -> created(cursor, scope::createdTable);
			case "TYPE", "DOMAIN" -> created(cursor, scope::createdType);
			case "SEQUENCE" -> created(cursor, scope::createdSequence);
			case "SCHEMA" -> created(cursor, scope::createdSchema);
			case "EXTENSION" -> created(cursor, scope::createdExtension);
			case "MATERIALIZED" -> {
				cursor.accept("VIEW");
				created(cursor, scope::createdMaterializedView);
			}
			default -> {
				// a harmless kind
			}
		}
	}

	private static void created(Cursor cursor, java.util.function.Consumer<Name> record) {
		cursor.accept("IF", "NOT", "EXISTS");
		Name name = cursor.name();
		if (name != null) {
			record.accept(name);
		}
	}

}
