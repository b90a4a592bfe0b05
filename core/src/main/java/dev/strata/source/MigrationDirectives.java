package dev.strata.source;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.strata.sql.SqlScript;
import dev.strata.sql.Token;
import dev.strata.sql.TokenKind;
import org.jspecify.annotations.Nullable;

/**
 * The {@code strata:} directives of one migration file: SQL comments that configure how it runs.
 * An unknown directive is an error, so a typo never silently does nothing.
 *
 * @param noTransaction {@code -- strata:no-transaction}: run every statement outside a transaction
 * @param lockTimeout {@code -- strata:lock-timeout=60s}, or {@code null} for the configured default
 * @param statementTimeout {@code -- strata:statement-timeout=2h}, or {@code null} for the default
 * @param allows {@code -- strata:allow RULE[,RULE] reason="…"} directives, for the guard
 */
public record MigrationDirectives(boolean noTransaction, @Nullable Duration lockTimeout,
		@Nullable Duration statementTimeout, List<AllowDirective> allows) {

	private static final String PREFIX = "strata:";

	/** No directives at all. */
	public static final MigrationDirectives NONE = new MigrationDirectives(false, null, null, List.of());

	/**
	 * A {@code strata:allow} directive.
	 *
	 * @param rules the rule ids it allows
	 * @param reason why, as written
	 * @param line the line of the comment
	 */
	public record AllowDirective(List<String> rules, String reason, int line) {
	}

	/**
	 * Reads the directives from a parsed script's comments.
	 * @throws MigrationSourceException naming file and line for an unknown or malformed directive
	 */
	public static MigrationDirectives read(SqlScript script, String file) {
		boolean noTransaction = false;
		Duration lockTimeout = null;
		Duration statementTimeout = null;
		List<AllowDirective> allows = new ArrayList<>();
		for (Token comment : script.comments()) {
			String body = commentBody(comment);
			if (!body.startsWith(PREFIX)) {
				continue;
			}
			String directive = body.substring(PREFIX.length()).trim();
			String where = file + ":" + comment.line();
			if (directive.equals("no-transaction")) {
				noTransaction = true;
			}
			else if (directive.startsWith("lock-timeout=")) {
				lockTimeout = duration(directive.substring("lock-timeout=".length()), where);
			}
			else if (directive.startsWith("statement-timeout=")) {
				statementTimeout = duration(directive.substring("statement-timeout=".length()), where);
			}
			else if (directive.startsWith("allow ") || directive.equals("allow")) {
				allows.add(allow(directive.substring("allow".length()).trim(), comment.line(), where));
			}
			else {
				throw new MigrationSourceException(where, "has an unknown directive 'strata:" + directive + "'",
						"use one of strata:no-transaction, strata:lock-timeout=<duration>,"
								+ " strata:statement-timeout=<duration>, strata:allow <rule> reason=\"…\"");
			}
		}
		return new MigrationDirectives(noTransaction, lockTimeout, statementTimeout, List.copyOf(allows));
	}

	private static String commentBody(Token comment) {
		String text = comment.text();
		if (comment.kind() == TokenKind.LINE_COMMENT) {
			return text.substring(2).trim();
		}
		String inner = text.substring(2, Math.max(2, text.length() - 2));
		return inner.trim();
	}

	private static Duration duration(String value, String where) {
		try {
			return Durations.parse(value.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new MigrationSourceException(where, "has a directive with an invalid duration '" + value + "'",
					"write a duration such as 500ms, 30s, 10m or 2h");
		}
	}

	private static AllowDirective allow(String arguments, int line, String where) {
		int reasonAt = arguments.indexOf("reason=");
		String rulesText = ((reasonAt < 0) ? arguments : arguments.substring(0, reasonAt)).trim();
		List<String> rules = new ArrayList<>();
		for (String rule : rulesText.split(",")) {
			if (!rule.isBlank()) {
				rules.add(rule.trim());
			}
		}
		if (rules.isEmpty()) {
			throw new MigrationSourceException(where, "has a strata:allow directive that names no rule",
					"write strata:allow <rule>[,<rule>] reason=\"why this is safe\"");
		}
		String reason = (reasonAt < 0) ? "" : unquote(arguments.substring(reasonAt + "reason=".length()).trim());
		if (reason.isBlank()) {
			throw new MigrationSourceException(where, "has a strata:allow directive without a reason",
					"add reason=\"why this is safe\" so reviewers and the history know why it was allowed");
		}
		return new AllowDirective(List.copyOf(rules), reason, line);
	}

	private static String unquote(String text) {
		if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
			return text.substring(1, text.length() - 1);
		}
		return text;
	}

}
