package dev.strata.sql.internal;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import dev.strata.sql.TokenKind;

/**
 * Reads what a {@code SET} or {@code RESET} statement does to
 * {@code standard_conforming_strings}.
 *
 * <p>
 * Why: with the setting off, the server reads {@code 'it\'s'} as one string, and a script
 * that turns it off and then uses such strings would otherwise be split somewhere else
 * than the server splits it (or refused as an unterminated quote). Only the script's own
 * statements count; a setting made on the connection or the role is not seen, and the
 * default is on.
 */
final class StandardConformingStrings {

	private static final String NAME = "STANDARD_CONFORMING_STRINGS";

	private StandardConformingStrings() {
	}

	/**
	 * The value statement {@code tokens[from, to)} sets: {@code true} for on (also
	 * {@code RESET} and {@code DEFAULT}), {@code false} for off, or {@code null} if it
	 * does not set this parameter.
	 */
	static @Nullable Boolean setBy(String sql, TokenTable tokens, int from, int to) {
		int i = from;
		if (tokens.isWord(i, "RESET")) {
			return (to - from == 2 && (tokens.isWord(i + 1, NAME) || tokens.isWord(i + 1, "ALL"))) ? Boolean.TRUE
					: null;
		}
		i++; // SET
		if (i < to && (tokens.isWord(i, "SESSION") || tokens.isWord(i, "LOCAL"))) {
			i++;
		}
		if (i + 3 != to || !tokens.isWord(i, NAME)) {
			return null;
		}
		int operator = i + 1;
		boolean assigns = tokens.isWord(operator, "TO")
				|| (tokens.end(operator) - tokens.offset(operator) == 1 && sql.charAt(tokens.offset(operator)) == '=');
		return assigns ? value(sql, tokens, i + 2) : null;
	}

	/**
	 * A boolean as the server parses one (a unique prefix of true, false, yes, no; on,
	 * off; 1, 0).
	 */
	private static @Nullable Boolean value(String sql, TokenTable tokens, int i) {
		String text = sql.substring(tokens.offset(i), tokens.end(i));
		TokenKind kind = tokens.kind(i);
		if (kind == TokenKind.STRING && text.startsWith("'")) {
			text = text.substring(1, text.length() - 1);
		}
		else if (kind != TokenKind.WORD && kind != TokenKind.NUMBER) {
			return null;
		}
		String word = text.trim().toLowerCase(Locale.ROOT);
		if (word.isEmpty()) {
			return null;
		}
		if (word.equals("default") || word.equals("1") || word.equals("on") || "true".startsWith(word)
				|| "yes".startsWith(word)) {
			return Boolean.TRUE;
		}
		if (word.equals("0") || (word.length() >= 2 && "off".startsWith(word)) || "false".startsWith(word)
				|| "no".startsWith(word)) {
			return Boolean.FALSE;
		}
		return null;
	}

}
