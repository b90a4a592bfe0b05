package dev.strata.migration.sql.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.strata.migration.MigrationDirectives;
import dev.strata.migration.MigrationDirectives.AllowDirective;
import dev.strata.source.internal.Durations;
import dev.strata.source.MigrationSourceException;
import dev.strata.sql.SqlScript;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.Token;
import dev.strata.sql.TokenKind;
import org.jspecify.annotations.Nullable;

/**
 * Reads the {@code strata:} directives of a SQL migration from its comments. An unknown
 * directive is an error, so a typo never silently does nothing.
 */
public final class DirectiveParser {

	/** {@code archive=<value>} outside the quoted reason: at the start or the end. */
	private static final Pattern ARCHIVE_OPTION = Pattern.compile("(?:^|\\s)archive=(\\S+)(?=\\s+reason=|\\s*$)");

	private static final String PREFIX = "strata:";

	private DirectiveParser() {
	}

	/**
	 * Reads the directives from a parsed script's comments.
	 * @throws MigrationSourceException naming file and line for an unknown or malformed
	 * directive
	 */
	public static MigrationDirectives read(SqlScript script, String file) {
		boolean noTransaction = false;
		Duration lockTimeout = null;
		Duration statementTimeout = null;
		List<AllowDirective> allows = new ArrayList<>();
		// Built on the first allow directive only: most files have none, and a lint reads
		// thousands.
		@Nullable Map<Integer, Integer> placements = null;
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
				if (placements == null) {
					placements = placements(script);
				}
				Integer statement = placements.get(comment.offset());
				if (statement == null) {
					throw new MigrationSourceException(where,
							"has a strata:allow directive that is neither directly"
									+ " above a statement nor at the top of the file",
							"put it in the comment block directly above the statement it allows (no blank line in"
									+ " between), or at the top of the file followed by a blank line for the whole file");
				}
				allows.add(allow(directive.substring("allow".length()).trim(), comment.line(), statement, where));
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

	/**
	 * Where each comment that may hold an allow directive sits, by offset: the index of
	 * the statement whose comment block (no blank line, not trailing the previous
	 * statement) it is part of, or {@link AllowDirective#WHOLE_FILE} for comments above
	 * the first statement and its block.
	 */
	private static Map<Integer, Integer> placements(SqlScript script) {
		Map<Integer, Integer> placements = new HashMap<>();
		List<SqlStatement> statements = script.statements();
		if (statements.isEmpty()) {
			script.comments().forEach((comment) -> placements.put(comment.offset(), AllowDirective.WHOLE_FILE));
			return placements;
		}
		for (int i = 0; i < statements.size(); i++) {
			SqlStatement statement = statements.get(i);
			List<Token> leading = statement.leadingComments();
			int previousEnd = (i > 0) ? statements.get(i - 1).endLine() : 0;
			int below = statement.line();
			int k = leading.size() - 1;
			for (; k >= 0; k--) {
				Token comment = leading.get(k);
				if (endLine(comment) < below - 1 || comment.line() == previousEnd) {
					break;
				}
				below = comment.line();
				placements.put(comment.offset(), i);
			}
			if (i == 0) {
				for (int j = 0; j <= k; j++) {
					placements.put(leading.get(j).offset(), AllowDirective.WHOLE_FILE);
				}
			}
		}
		return placements;
	}

	private static int endLine(Token comment) {
		int line = comment.line();
		String text = comment.text();
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) == '\n') {
				line++;
			}
		}
		return line;
	}

	private static AllowDirective allow(String arguments, int line, int statement, String where) {
		// archive=none, before or after the reason: the data may go without an archive.
		Matcher archiveOption = ARCHIVE_OPTION.matcher(arguments);
		boolean archive = true;
		if (archiveOption.find()) {
			if (!archiveOption.group(1).equals("none")) {
				throw new MigrationSourceException(where,
						"has a strata:allow directive with archive=" + archiveOption.group(1),
						"the only value is archive=none: the data the statement removes may go without an archive");
			}
			archive = false;
			arguments = (arguments.substring(0, archiveOption.start()) + " " + arguments.substring(archiveOption.end()))
				.trim();
		}
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
		return new AllowDirective(List.copyOf(rules), reason, line, statement, archive);
	}

	private static String unquote(String text) {
		if (text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"")) {
			return text.substring(1, text.length() - 1);
		}
		return text;
	}

}
