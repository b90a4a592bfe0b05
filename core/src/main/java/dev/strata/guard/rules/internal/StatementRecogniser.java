package dev.strata.guard.rules.internal;

import java.util.ArrayList;
import java.util.List;

import dev.strata.guard.Finding;
import dev.strata.sql.KeywordSet;
import dev.strata.sql.SqlStatement;

/**
 * Finds the rule for each statement of a migration from its leading keywords, in order,
 * keeping track of what the migration created. Statements starting with a keyword it does
 * not know are reported as {@code unrecognised-statement}: the guard fails closed.
 */
public final class StatementRecogniser {

	/**
	 * The leading keywords known: those of statements with a rule below, then those of
	 * statements that change no existing data and take no blocking lock.
	 */
	private static final KeywordSet LEADING = KeywordSet.of("CREATE", "DROP", "ALTER", "DELETE", "UPDATE", "TRUNCATE",
			"WITH", "MERGE", "SELECT", "VALUES", "DO", "VACUUM", "REINDEX", "REFRESH", "EXPLAIN", "INSERT", "COPY",
			"COMMENT", "GRANT", "REVOKE", "SET", "RESET", "SHOW", "ANALYZE", "ANALYSE", "SECURITY", "LOCK", "BEGIN",
			"START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE", "DEALLOCATE", "DISCARD", "LISTEN",
			"UNLISTEN", "NOTIFY", "CHECKPOINT", "LOAD", "REASSIGN", "IMPORT", "TABLE");

	/**
	 * ALTER kinds known: those with a rule below, then those that change no data (renames
	 * of these objects break no running query on a table).
	 */
	private static final KeywordSet ALTER_KINDS = KeywordSet.of("TABLE", "TYPE", "SEQUENCE", "VIEW", "FUNCTION",
			"PROCEDURE", "ROUTINE", "INDEX", "SCHEMA", "ROLE", "USER", "GROUP", "DEFAULT", "EXTENSION", "DOMAIN",
			"MATERIALIZED", "POLICY", "TRIGGER", "PUBLICATION", "SUBSCRIPTION", "DATABASE", "AGGREGATE", "OPERATOR",
			"COLLATION", "CONVERSION", "TEXT", "STATISTICS", "EVENT", "FOREIGN", "SERVER", "LANGUAGE", "LARGE", "RULE",
			"TABLESPACE");

	private final StatementRule keywords = new KeywordRules();

	private final StatementRule create = new CreateStatements();

	private final StatementRule drop = new DropRule();

	private final StatementRule alterTable = new AlterTableRule();

	private final StatementRule alterType = new AlterTypeRule();

	private final StatementRule delete = new DeleteRule();

	private final StatementRule update = new UpdateRule();

	private final StatementRule truncate = new TruncateRule();

	private final StatementRule dataModifying = new DataModifyingRule();

	private final StatementRule functionCall = new FunctionCallRule();

	private final StatementRule select = new SelectRule();

	private final StatementRule doBlock = new DoBlockRule();

	/** Every finding of a migration's statements, in order. */
	public List<Finding> findings(String file, List<SqlStatement> statements) {
		return perStatement(file, statements).stream().flatMap(List::stream).toList();
	}

	/**
	 * The findings of each statement: element {@code i} holds those of
	 * {@code statements[i]}.
	 */
	public List<List<Finding>> perStatement(String file, List<SqlStatement> statements) {
		return perStatement(file, statements, new MigrationScope());
	}

	/**
	 * What a migration's statements do, with the tables it creates: what the guard judges
	 * a migration by, apart from the statements, so that a caller can let the statements
	 * go.
	 */
	public Recognised recognise(String file, List<SqlStatement> statements) {
		MigrationScope scope = new MigrationScope();
		List<List<Finding>> perStatement = perStatement(file, statements, scope);
		return new Recognised(perStatement, scope.createdTables().stream().map(Name::text).toList());
	}

	/**
	 * As {@link #perStatement(String, List)}, recording what the migration creates in
	 * {@code scope}.
	 */
	List<List<Finding>> perStatement(String file, List<SqlStatement> statements, MigrationScope scope) {
		List<List<Finding>> result = new ArrayList<>(statements.size());
		Findings findings = new Findings(file);
		for (SqlStatement statement : statements) {
			findings.startStatement(statement);
			rule(statement).check(statement, scope, findings);
			result.add(findings.all());
		}
		return result;
	}

	private StatementRule rule(SqlStatement statement) {
		if (KeywordRules.handles(statement)) {
			return this.keywords;
		}
		String first = statement.keyword(0, LEADING);
		if (first == null) {
			return unknown(statement);
		}
		return switch (first) {
			case "CREATE" -> this.create;
			case "DROP" -> this.drop;
			case "ALTER" -> alter(statement);
			case "DELETE" -> this.delete;
			case "UPDATE" -> this.update;
			case "TRUNCATE" -> this.truncate;
			case "WITH", "MERGE" -> this.dataModifying;
			case "SELECT" -> this.select;
			case "VALUES" -> this.functionCall;
			case "DO" -> this.doBlock;
			case "VACUUM", "REINDEX", "REFRESH" -> (s, scope, findings) -> {
				// KeywordRules found nothing wrong: VACUUM without FULL, REINDEX
				// CONCURRENTLY, …
			};
			case "EXPLAIN" -> Cursor.containsAnywhere(statement.tokens(), "ANALYZE")
					|| Cursor.containsAnywhere(statement.tokens(), "ANALYSE") ? unrecognised("EXPLAIN ANALYZE")
							: noFinding();
			default -> noFinding(); // a statement that changes no existing data and takes
									// no blocking lock
		};
	}

	/**
	 * A statement starting with a keyword not in {@link #LEADING}, or with no keyword at
	 * all.
	 */
	private static StatementRule unknown(SqlStatement statement) {
		String first = statement.keyword(0); // copied only here, for the message
		if (first == null) {
			return (s, scope, findings) -> StatementRule.unrecognised(s, findings,
					"a statement starting with " + (s.tokens().isEmpty() ? "nothing" : s.tokens().get(0).text()));
		}
		return unrecognised("a statement starting with " + first);
	}

	private StatementRule alter(SqlStatement statement) {
		String kind = statement.keyword(1, ALTER_KINDS);
		if (kind == null) {
			return unrecognised("ALTER " + statement.keyword(1));
		}
		return switch (kind) {
			case "TABLE" -> this.alterTable;
			case "TYPE" -> this.alterType;
			default -> noFinding();
		};
	}

	private static StatementRule noFinding() {
		return (statement, scope, findings) -> {
		};
	}

	private static StatementRule unrecognised(String what) {
		return (statement, scope, findings) -> StatementRule.unrecognised(statement, findings, what);
	}

	/**
	 * What {@link #recognise} read.
	 *
	 * @param perStatement the findings of each statement: element {@code i} holds those
	 * of statement {@code i}
	 * @param createdTables the tables the migration creates, as written
	 */
	public record Recognised(List<List<Finding>> perStatement, List<String> createdTables) {
	}

}
