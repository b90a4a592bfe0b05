package dev.strata.execute.internal;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.strata.sql.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * Refusals that say the role or the server is wrong for migrating, not the migration: a
 * missing privilege (SQLState {@code 42501}) and a read-only server ({@code 25006}, a hot
 * standby, a read replica, or {@code default_transaction_read_only}). Both are
 * configuration errors, and the hint says what to grant or where to point Strata instead.
 * PostgreSQL's message names the object (in English; with other {@code lc_messages} the
 * hint stays general).
 */
public final class ServerRefusals {

	/** SQLState of a missing privilege or ownership. */
	public static final String INSUFFICIENT_PRIVILEGE = "42501";

	/** SQLState of a write refused in a read-only transaction. */
	public static final String READ_ONLY_SQL_TRANSACTION = "25006";

	private static final Pattern PERMISSION_DENIED = Pattern
		.compile("permission denied for (schema|table|relation|view|materialized view|foreign table|sequence|function"
				+ "|procedure|routine|database|type|domain|language|tablespace|foreign server"
				+ "|foreign-data wrapper|large object) (\\S+)");

	private static final Pattern MUST_BE_OWNER = Pattern.compile("must be owner of ([a-z -]+?) (\\S+)$");

	private static final Pattern TARGET = Pattern
		.compile("(?is)^\\s*(?:insert\\s+into|update(?:\\s+only)?|delete\\s+from(?:\\s+only)?|truncate(?:\\s+table)?"
				+ "(?:\\s+only)?|merge\\s+into)\\s+((?:\"[^\"]+\"|[\\w$]+)(?:\\s*\\.\\s*(?:\"[^\"]+\"|[\\w$]+))*)");

	private ServerRefusals() {
	}

	/**
	 * Whether PostgreSQL refused for lack of a privilege or because the server is
	 * read-only.
	 */
	public static boolean isConfigurationProblem(@Nullable String sqlState) {
		return INSUFFICIENT_PRIVILEGE.equals(sqlState) || READ_ONLY_SQL_TRANSACTION.equals(sqlState);
	}

	/**
	 * What to do about a refusal, or {@code null} if it is neither kind.
	 * @param statement the statement that was refused, {@code null} for Strata's own
	 * @param role the role Strata is connected as, if known
	 * @param ownTables Strata's own tables (history, lease, snapshot), whose privileges
	 * Strata knows
	 */
	public static @Nullable String hint(SQLException ex, @Nullable SqlStatement statement, @Nullable String role,
			Set<String> ownTables) {
		String sqlState = ex.getSQLState();
		if (READ_ONLY_SQL_TRANSACTION.equals(sqlState)) {
			return "connected to a read-only server: a hot standby or read replica, or a database or role with"
					+ " default_transaction_read_only = on. Point strata.url at the primary (or turn"
					+ " default_transaction_read_only off for the role that migrates)";
		}
		if (!INSUFFICIENT_PRIVILEGE.equals(sqlState)) {
			return null;
		}
		String grantee = (role != null && !role.isEmpty()) ? quoteIfNeeded(role) : "<role>";
		String who = (role != null && !role.isEmpty()) ? "the role " + role : "the role Strata connects as";
		String message = firstLine(ex.getMessage());
		String orMigrateAs = "or migrate as a role that has it (strata.user)";
		Matcher denied = PERMISSION_DENIED.matcher(message);
		if (denied.find()) {
			String kind = denied.group(1);
			String name = denied.group(2);
			Grant grant = grant(kind, name, statement, ownTables);
			if (grant == null) {
				return who + " lacks a privilege on " + kind + " " + name + " that the statement needs: its owner (or a"
						+ " superuser) can GRANT it, " + orMigrateAs;
			}
			return who + " lacks " + grant.privileges() + " on " + grant.kind().toLowerCase(Locale.ROOT) + " " + name
					+ ": its owner (or a superuser) can give it with GRANT " + grant.privileges() + " ON "
					+ grant.kind() + " " + name + " TO " + grantee + "; " + orMigrateAs;
		}
		Matcher owner = MUST_BE_OWNER.matcher(message);
		if (owner.find()) {
			String kind = owner.group(1);
			String name = owner.group(2);
			return "only the owner of " + kind + " " + name + " (or a member of the role that owns it) may do this,"
					+ " and no privilege allows it: migrate as that owner (strata.user), or make " + grantee
					+ " a member of the owning role with GRANT <owner> TO " + grantee + ";";
		}
		return who + " lacks a privilege this needs (" + message + "): its owner (or a superuser) can GRANT it, "
				+ orMigrateAs;
	}

	private static @Nullable Grant grant(String kind, String name, @Nullable SqlStatement statement,
			Set<String> ownTables) {
		String first = (statement != null) ? statement.keyword(0) : null;
		return switch (kind) {
			case "schema" -> new Grant(
					(statement == null || "CREATE".equals(first) || "ALTER".equals(first)) ? "USAGE, CREATE" : "USAGE",
					"SCHEMA");
			case "table", "relation", "view", "materialized view", "foreign table" -> {
				String privileges = (statement != null) ? tablePrivileges(statement, name)
						: ownTables.contains(name) ? "SELECT, INSERT, UPDATE, DELETE" : null;
				yield (privileges != null) ? new Grant(privileges, "TABLE") : null;
			}
			case "sequence" -> new Grant("USAGE", "SEQUENCE");
			case "function" -> new Grant("EXECUTE", "FUNCTION");
			case "procedure" -> new Grant("EXECUTE", "PROCEDURE");
			case "routine" -> new Grant("EXECUTE", "ROUTINE");
			case "database" -> new Grant("CREATE", "DATABASE");
			case "type" -> new Grant("USAGE", "TYPE");
			case "domain" -> new Grant("USAGE", "DOMAIN");
			case "language" -> new Grant("USAGE", "LANGUAGE");
			case "tablespace" -> new Grant("CREATE", "TABLESPACE");
			case "foreign server" -> new Grant("USAGE", "FOREIGN SERVER");
			case "foreign-data wrapper" -> new Grant("USAGE", "FOREIGN DATA WRAPPER");
			default -> null;
		};
	}

	/**
	 * The privileges a data statement needs on {@code table}: its own kind on the table
	 * it writes (with SELECT where it reads rows to change), SELECT on any other it
	 * reads.
	 */
	private static @Nullable String tablePrivileges(SqlStatement statement, String table) {
		String first = statement.keyword(0);
		if (first == null) {
			return null;
		}
		Matcher target = TARGET.matcher(statement.text());
		boolean isTarget = target.find() && sameName(target.group(1), table);
		return switch (first) {
			case "SELECT", "WITH", "TABLE", "VALUES" -> "SELECT";
			case "INSERT" -> isTarget ? "INSERT" : "SELECT";
			case "UPDATE" -> isTarget ? "SELECT, UPDATE" : "SELECT";
			case "DELETE" -> isTarget ? "SELECT, DELETE" : "SELECT";
			case "TRUNCATE" -> "TRUNCATE";
			case "MERGE" -> isTarget ? "SELECT, INSERT, UPDATE, DELETE" : "SELECT";
			case "COPY" -> "SELECT, INSERT";
			default -> null;
		};
	}

	/** Whether a possibly qualified, possibly quoted name ends in {@code table}. */
	private static boolean sameName(String written, String table) {
		String last = written.substring(written.lastIndexOf('.') + 1).trim();
		if (last.startsWith("\"") && last.endsWith("\"") && last.length() >= 2) {
			return last.substring(1, last.length() - 1).equals(table);
		}
		return last.toLowerCase(Locale.ROOT).equals(table.toLowerCase(Locale.ROOT));
	}

	private static String quoteIfNeeded(String role) {
		return role.matches("[a-z_][a-z0-9_$]*") ? role : "\"" + role.replace("\"", "\"\"") + "\"";
	}

	private static String firstLine(@Nullable String message) {
		String text = String.valueOf(message);
		if (text.startsWith("ERROR: ")) {
			text = text.substring("ERROR: ".length());
		}
		int newline = text.indexOf('\n');
		return (newline < 0) ? text : text.substring(0, newline);
	}

	/** A privilege to grant and the kind of object, as GRANT spells them. */
	private record Grant(String privileges, String kind) {
	}

}
