package dev.strata.sql;

import java.util.List;
import dev.strata.sql.internal.StatementSplitter;

/**
 * A SQL script split into statements.
 *
 * @param sourceName the name used in error messages (a file or resource name)
 * @param statements the non-empty statements, in order
 * @param comments every comment of the script, line and block, in order (where
 * {@code -- strata:} directives are read from)
 */
public record SqlScript(String sourceName, List<SqlStatement> statements, List<Token> comments) {

	public SqlScript {
		statements = List.copyOf(statements);
		comments = List.copyOf(comments);
	}

	/**
	 * Splits {@code sql} into statements the way the server would execute them one by
	 * one.
	 * @throws SqlSyntaxException for input that cannot be split safely: unterminated
	 * strings, identifiers, comments or dollar quotes, psql meta-commands,
	 * {@code COPY ... FROM stdin}
	 */
	public static SqlScript parse(String sourceName, String sql) throws SqlSyntaxException {
		return new StatementSplitter(sourceName, sql).split();
	}
}
