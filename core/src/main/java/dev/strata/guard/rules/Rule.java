package dev.strata.guard.rules;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import dev.strata.guard.Severity;
import org.jspecify.annotations.Nullable;

/**
 * Every rule of the guard: the single source of truth for its id, severity, lock, why it
 * is dangerous, the safe alternative and its name in squawk and strong_migrations. The
 * report, the directives, the configuration and docs/guard.md (checked by a test) all
 * read it from here.
 */
public enum Rule {

	// DESTRUCTIVE: data loss

	DROP_TABLE("drop-table", Severity.DESTRUCTIVE, Locks.ACCESS_EXCLUSIVE,
			"drops the table and every row in it; the running application version still uses it",
			"stop using the table in the application, deploy, then drop it in a later migration with"
					+ " strata:allow and a reason",
			"ban-drop-table", null),

	DROP_SCHEMA("drop-schema", Severity.DESTRUCTIVE, Locks.ACCESS_EXCLUSIVE,
			"drops the schema and, with CASCADE, every table in it",
			"move what is still needed out of the schema first; drop it in a separate, allowed migration", null, null),

	DROP_COLUMN("drop-column", Severity.DESTRUCTIVE, Locks.ACCESS_EXCLUSIVE,
			"drops the column's data; the running application version still reads and writes it",
			"stop reading and writing the column (remove it from the entity), deploy, then drop it in a later"
					+ " migration with strata:allow and a reason",
			"ban-drop-column", "remove_column"),

	DROP_DATABASE("drop-database", Severity.DESTRUCTIVE, "none (fails while sessions are connected)",
			"drops a whole database", "never drop databases from application migrations; it is an operations task",
			"ban-drop-database", null),

	DROP_OWNED("drop-owned", Severity.DESTRUCTIVE, Locks.ACCESS_EXCLUSIVE,
			"drops every object the role owns in the database",
			"drop the objects one by one, or REASSIGN OWNED first; never from application migrations", null, null),

	TRUNCATE("truncate", Severity.DESTRUCTIVE, Locks.ACCESS_EXCLUSIVE,
			"removes every row of the table at once, without a trace in row counts",
			"delete in batches outside the migration if the data must go, or keep it", null, null),

	DELETE("delete", Severity.DESTRUCTIVE, Locks.ROW_EXCLUSIVE,
			"deletes rows of a table that existed before the migration",
			"delete in batches outside the migration transaction, or allow it with a reason saying which rows"
					+ " and why",
			null, null),

	UPDATE_WITHOUT_WHERE("update-without-where", Severity.DESTRUCTIVE, Locks.ROW_EXCLUSIVE,
			"overwrites a column in every row, locking all rows for the whole transaction",
			"add a WHERE clause, or backfill in batches outside the migration transaction", null, null),

	DROP_TYPE("drop-type", Severity.DESTRUCTIVE, Locks.ACCESS_EXCLUSIVE,
			"drops a type; with CASCADE also every column of that type",
			"remove every use of the type first, then drop it with RESTRICT in an allowed migration", null, null),

	DROP_ENUM_VALUE("drop-enum-value", Severity.DESTRUCTIVE, Locks.ACCESS_EXCLUSIVE,
			"removes an enum value that existing rows may hold",
			"stop writing the value, migrate the rows to another value, then replace the type", null, null),

	RENAME_ENUM_VALUE("rename-enum-value", Severity.DESTRUCTIVE, Locks.ACCESS_EXCLUSIVE,
			"changes the meaning of stored rows: the running application still reads and writes the old label",
			"add the new value, migrate rows and code to it, then stop using the old one", null, null),

	DROP_MATERIALIZED_VIEW("drop-materialized-view", Severity.DESTRUCTIVE, Locks.ACCESS_EXCLUSIVE,
			"drops the view's stored rows, which may take long to compute again",
			"stop using it, deploy, then drop it in an allowed migration", null, null),

	DROP_SEQUENCE("drop-sequence", Severity.DESTRUCTIVE, Locks.ACCESS_EXCLUSIVE,
			"drops the sequence and its position; a column default using it stops working",
			"remove the defaults that use it, then drop it in an allowed migration", null, null),

	DROP_EXTENSION("drop-extension", Severity.DESTRUCTIVE, Locks.ACCESS_EXCLUSIVE,
			"drops every object the extension created, tables and their rows included, and with CASCADE every"
					+ " column, index or view that uses its types or functions",
			"remove every use of the extension's types and functions first, then drop it with RESTRICT in an"
					+ " allowed migration",
			null, null),

	CASCADE("cascade", Severity.DESTRUCTIVE, Locks.ACCESS_EXCLUSIVE,
			"CASCADE also drops or empties every object that depends on the named one (views, constraints,"
					+ " columns of a dropped type, referencing tables of a truncated one)",
			"drop the dependent objects explicitly, then use RESTRICT (the default)", "ban-truncate-cascade", null),

	// LOCKING: blocks reads or writes, scans or rewrites

	CREATE_INDEX_NOT_CONCURRENTLY("create-index-not-concurrently", Severity.LOCKING, Locks.SHARE,
			"blocks every write to the table while the index is built",
			"CREATE INDEX CONCURRENTLY in a migration of its own (Strata runs it outside a transaction)",
			"require-concurrent-index-creation", "add_index"),

	DROP_INDEX_NOT_CONCURRENTLY("drop-index-not-concurrently", Severity.LOCKING, Locks.ACCESS_EXCLUSIVE,
			"blocks reads and writes of the table while waiting for and holding the lock",
			"DROP INDEX CONCURRENTLY in a migration of its own", "require-concurrent-index-deletion", "remove_index"),

	ADD_FOREIGN_KEY_WITHOUT_NOT_VALID("add-foreign-key-without-not-valid", Severity.LOCKING, Locks.SHARE_ROW_EXCLUSIVE,
			"blocks writes to both tables while every existing row is checked",
			"ADD CONSTRAINT … FOREIGN KEY … NOT VALID, then VALIDATE CONSTRAINT in a later migration",
			"adding-foreign-key-constraint", "add_foreign_key"),

	ADD_CHECK_WITHOUT_NOT_VALID("add-check-without-not-valid", Severity.LOCKING, Locks.ACCESS_EXCLUSIVE,
			"blocks reads and writes while every existing row is checked",
			"ADD CONSTRAINT … CHECK (…) NOT VALID, then VALIDATE CONSTRAINT in a later migration",
			"constraint-missing-not-valid", "add_check_constraint"),

	ADD_UNIQUE_CONSTRAINT("add-unique-constraint", Severity.LOCKING, Locks.ACCESS_EXCLUSIVE,
			"blocks reads and writes while the unique index is built",
			"CREATE UNIQUE INDEX CONCURRENTLY, then ADD CONSTRAINT … UNIQUE USING INDEX",
			"disallowed-unique-constraint", "add_unique_constraint"),

	ADD_PRIMARY_KEY("add-primary-key", Severity.LOCKING, Locks.ACCESS_EXCLUSIVE,
			"blocks reads and writes while the index is built and the columns are checked for nulls",
			"make the columns NOT NULL safely, CREATE UNIQUE INDEX CONCURRENTLY, then ADD PRIMARY KEY USING INDEX",
			"adding-serial-primary-key-field", null),

	SET_NOT_NULL("set-not-null", Severity.LOCKING, Locks.ACCESS_EXCLUSIVE,
			"blocks reads and writes while every row is scanned for nulls",
			"ADD CONSTRAINT c CHECK (col IS NOT NULL) NOT VALID, VALIDATE it in a later migration, then SET NOT"
					+ " NULL (no scan) and drop the check",
			"adding-not-nullable-field", "change_column_null"),

	ALTER_COLUMN_TYPE("alter-column-type", Severity.LOCKING, Locks.ACCESS_EXCLUSIVE,
			"rewrites the table and its indexes while blocking reads and writes, unless the old type is"
					+ " binary-coercible to the new one (e.g. varchar(n) to text or a longer varchar)",
			"add a new column, backfill it in batches, switch the application, then drop the old column",
			"changing-column-type", "change_column"),

	ADD_COLUMN_VOLATILE_DEFAULT("add-column-volatile-default", Severity.LOCKING, Locks.ACCESS_EXCLUSIVE,
			"fills every existing row, rewriting the table while blocking reads and writes (a volatile default,"
					+ " serial, identity or stored generated column)",
			"add the column without the default, SET DEFAULT for new rows, then backfill in batches",
			"adding-field-with-default", "add_column_default"),

	REWRITE_TABLE("rewrite-table", Severity.LOCKING, Locks.ACCESS_EXCLUSIVE,
			"rewrites the whole table while blocking reads and writes (SET TABLESPACE, SET LOGGED/UNLOGGED,"
					+ " SET ACCESS METHOD)",
			"do it in a maintenance window, or with pg_repack", null, null),

	VACUUM_FULL("vacuum-full", Severity.LOCKING, Locks.ACCESS_EXCLUSIVE,
			"rewrites the table while blocking reads and writes", "plain VACUUM, or pg_repack", "prefer-repack", null),

	CLUSTER("cluster", Severity.LOCKING, Locks.ACCESS_EXCLUSIVE,
			"rewrites the table in index order while blocking reads and writes", "pg_repack", "prefer-repack", null),

	REFRESH_MATERIALIZED_VIEW_NOT_CONCURRENTLY("refresh-materialized-view-not-concurrently", Severity.LOCKING,
			Locks.ACCESS_EXCLUSIVE, "blocks reads of the view until the refresh is done",
			"REFRESH MATERIALIZED VIEW CONCURRENTLY (needs a unique index on the view)", "require-concurrent-refresh",
			null),

	REINDEX_NOT_CONCURRENTLY("reindex-not-concurrently", Severity.LOCKING, Locks.ACCESS_EXCLUSIVE,
			"blocks writes to the table, and reads that would use the index, while it is rebuilt",
			"REINDEX … CONCURRENTLY in a migration of its own", "require-concurrent-reindex", null),

	DETACH_PARTITION_NOT_CONCURRENTLY("detach-partition-not-concurrently", Severity.LOCKING, Locks.ACCESS_EXCLUSIVE,
			"blocks reads and writes of the whole partitioned table",
			"ALTER TABLE … DETACH PARTITION … CONCURRENTLY in a migration of its own",
			"require-concurrent-partition-detach", null),

	// INCOMPATIBLE: breaks the running application version

	RENAME_COLUMN("rename-column", Severity.INCOMPATIBLE, Locks.ACCESS_EXCLUSIVE,
			"the application version still running during the deploy uses the old name",
			"add the new column, write both, backfill, switch reads, then drop the old one", "renaming-column",
			"rename_column"),

	RENAME_TABLE("rename-table", Severity.INCOMPATIBLE, Locks.ACCESS_EXCLUSIVE,
			"the application version still running during the deploy uses the old name (or schema)",
			"create the new table (or a view under the old name), switch the application, then drop the old one",
			"renaming-table", "rename_table"),

	ADD_COLUMN_NOT_NULL_WITHOUT_DEFAULT("add-column-not-null-without-default", Severity.INCOMPATIBLE,
			Locks.ACCESS_EXCLUSIVE,
			"fails on a table that has rows, and inserts from the running application version, which does not"
					+ " know the column, fail",
			"add it with a constant DEFAULT, or nullable, backfill, then make it NOT NULL", "adding-required-field",
			null),

	DROP_NOT_NULL("drop-not-null", Severity.INCOMPATIBLE, Locks.ACCESS_EXCLUSIVE,
			"the running application version may not expect nulls in the column",
			"make sure every application version copes with nulls before dropping the constraint", "ban-drop-not-null",
			null),

	// REVIEW: the guard cannot see what it does

	DO_BLOCK("do-block", Severity.REVIEW, "depends on the code",
			"runs procedural code the guard cannot read; its effect is checked before commit",
			"write the statements as plain SQL so the guard can check them, or allow it with a reason", null,
			"execute"),

	FUNCTION_CALL("function-call", Severity.REVIEW, "depends on the function",
			"calls a function or procedure whose body the guard cannot see; its effect is checked before commit",
			"write the statements as plain SQL, or allow it with a reason", null, "execute"),

	DYNAMIC_SQL("dynamic-sql", Severity.REVIEW, "depends on the statement",
			"builds or runs a statement at run time that the guard cannot see; its effect is checked before commit",
			"write the statement as plain SQL, or allow it with a reason", null, "execute"),

	UNRECOGNISED_STATEMENT("unrecognised-statement", Severity.REVIEW, "unknown",
			"the guard does not recognise the statement, so it cannot say it is safe; its effect is checked"
					+ " before commit",
			"check it by hand and allow it with a reason, or report the statement to Strata", null, null);

	private static final Map<String, Rule> BY_ID = Arrays.stream(values())
		.collect(Collectors.toUnmodifiableMap(Rule::id, Function.identity()));

	private final String id;

	private final Severity severity;

	private final String lock;

	private final String why;

	private final String safeAlternative;

	private final @Nullable String squawk;

	private final @Nullable String strongMigrations;

	Rule(String id, Severity severity, String lock, String why, String safeAlternative, @Nullable String squawk,
			@Nullable String strongMigrations) {
		this.id = id;
		this.severity = severity;
		this.lock = lock;
		this.why = why;
		this.safeAlternative = safeAlternative;
		this.squawk = squawk;
		this.strongMigrations = strongMigrations;
	}

	/** The rule with this id (kebab-case, case-insensitive), if any. */
	public static Optional<Rule> byId(String id) {
		return Optional.ofNullable(BY_ID.get(id.trim().toLowerCase(Locale.ROOT)));
	}

	/**
	 * The rule with this id, for ids a user wrote: the one check of them, so that every
	 * place that reads one fails with the same message.
	 * @param where where the id was written, for the message
	 * @throws UnknownRuleException if no rule has the id
	 */
	public static Rule require(String id, String where) {
		return byId(id).orElseThrow(() -> new UnknownRuleException(id, where));
	}

	/** Kebab-case id, as used in directives, properties and reports. */
	public String id() {
		return this.id;
	}

	public Severity severity() {
		return this.severity;
	}

	/**
	 * The PostgreSQL lock the statement takes, as in the documentation
	 * ({@code ACCESS EXCLUSIVE}).
	 */
	public String lock() {
		return this.lock;
	}

	/** Why it is dangerous, one sentence without a subject ("drops the table …"). */
	public String why() {
		return this.why;
	}

	public String safeAlternative() {
		return this.safeAlternative;
	}

	/** The closest squawk rule, if there is one. */
	public @Nullable String squawk() {
		return this.squawk;
	}

	/** The closest strong_migrations check, if there is one. */
	public @Nullable String strongMigrations() {
		return this.strongMigrations;
	}

	/**
	 * The directive that allows a finding of this rule, with a reason left to fill in.
	 */
	public String allowDirective() {
		return "-- strata:allow " + this.id + " reason=\"…\"";
	}

	/** Lock mode names, as the PostgreSQL documentation writes them. */
	private static final class Locks {

		static final String ACCESS_EXCLUSIVE = "ACCESS EXCLUSIVE";

		static final String SHARE_ROW_EXCLUSIVE = "SHARE ROW EXCLUSIVE";

		static final String SHARE = "SHARE";

		static final String ROW_EXCLUSIVE = "ROW EXCLUSIVE";

	}

}
