package dev.strata.guard.rules.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import dev.strata.sql.SqlStatement;
import dev.strata.sql.Token;
import dev.strata.sql.TokenKind;
import org.jspecify.annotations.Nullable;
import dev.strata.guard.rules.Rule;

/**
 * A top-level {@code SELECT} (or {@code VALUES}, {@code WITH … SELECT}) that calls a
 * function the guard does not know: whatever the function does happens, unseen. Queries
 * that call only well-known built-ins (aggregates, {@code setval}, {@code set_config}, …)
 * are safe.
 */
final class FunctionCallRule implements StatementRule {

	/** Words followed by a parenthesis that are syntax, not a call. */
	private static final Set<String> SYNTAX = Set.of("in", "exists", "any", "all", "some", "values", "as", "from",
			"join", "on", "using", "over", "filter", "within", "lateral", "row", "array", "not", "and", "or", "when",
			"then", "else", "select", "where", "by", "case", "is", "distinct", "with", "union", "intersect", "except",
			"returning", "into", "set", "having", "limit", "offset", "table", "recursive", "materialized", "cube",
			"rollup", "grouping", "sets", "partition", "window", "like", "between", "only");

	/** Built-in functions that read or touch only what a migration expects. */
	private static final Set<String> KNOWN = Set.of("count", "sum", "min", "max", "avg", "coalesce", "nullif",
			"greatest", "least", "lower", "upper", "length", "now", "cast", "extract", "substring", "position", "trim",
			"overlay", "format", "concat", "concat_ws", "string_agg", "array_agg", "json_agg", "jsonb_agg", "to_char",
			"to_date", "to_timestamp", "date_trunc", "set_config", "current_setting", "setval", "nextval", "currval",
			"pg_advisory_xact_lock", "pg_advisory_lock", "pg_advisory_unlock", "pg_try_advisory_xact_lock", "version",
			"row_number", "rank", "dense_rank", "md5", "gen_random_uuid", "random", "generate_series", "unnest", "abs",
			"round", "floor", "ceil", "replace", "split_part", "regexp_replace", "left", "right",
			"pg_get_serial_sequence", "to_regclass", "jsonb_build_object", "json_build_object", "array_length",
			"pg_notify", "bool_and", "bool_or", "every", "string_to_array", "array_to_string", "timezone",
			"make_interval", "age", "date_part", "current_schema", "quote_ident", "quote_literal",
			"has_table_privilege");

	@Override
	public void check(SqlStatement statement, MigrationScope scope, Findings findings) {
		String function = unknownCall(statement.tokens());
		if (function != null) {
			findings.add(Rule.FUNCTION_CALL, "calls function " + function + "(), whose effect the guard cannot see");
		}
	}

	static @Nullable String unknownCall(List<Token> tokens) {
		for (int i = 0; i + 1 < tokens.size(); i++) {
			Token token = tokens.get(i);
			if (token.kind() != TokenKind.WORD || !tokens.get(i + 1).is("(")) {
				continue;
			}
			String word = token.text().toLowerCase(Locale.ROOT);
			boolean typeCast = i > 0 && tokens.get(i - 1).is("::");
			if (!SYNTAX.contains(word) && !KNOWN.contains(word) && !typeCast) {
				return (i >= 2 && tokens.get(i - 1).is(".")) ? tokens.get(i - 2).text() + "." + token.text()
						: token.text();
			}
		}
		return null;
	}

}
