package dev.strata.guard.rules.internal;

import java.util.List;
import java.util.Locale;

import dev.strata.sql.Token;
import dev.strata.sql.TokenKind;
import org.jspecify.annotations.Nullable;

/**
 * A possibly schema-qualified object name, normalised as PostgreSQL does: unquoted parts
 * folded to lower case, quoted ones kept exactly.
 *
 * @param schema the schema, or {@code null} when not written
 * @param name the object's own name
 * @param text the name as written, usable with {@code to_regclass}
 */
record Name(@Nullable String schema, String name, String text) {

	/**
	 * Whether both can denote the same object; an unqualified name matches any schema.
	 */
	boolean sameAs(Name other) {
		return this.name.equals(other.name)
				&& (this.schema == null || other.schema == null || this.schema.equals(other.schema));
	}

	/**
	 * The name built from {@code parts}: identifier tokens, dots between them already
	 * dropped.
	 */
	static Name of(List<Token> parts) {
		StringBuilder text = new StringBuilder();
		for (Token part : parts) {
			if (text.length() > 0) {
				text.append('.');
			}
			text.append(part.text());
		}
		String name = identifier(parts.get(parts.size() - 1));
		String schema = (parts.size() > 1) ? identifier(parts.get(parts.size() - 2)) : null;
		return new Name(schema, name, text.toString());
	}

	/**
	 * The unqualified name {@code part}: {@link #of(List)} of one part, without the list.
	 */
	static Name of(Token part) {
		return new Name(null, identifier(part), part.text());
	}

	static boolean isIdentifier(Token token) {
		return token.kind() == TokenKind.WORD || token.kind() == TokenKind.QUOTED_IDENTIFIER;
	}

	/** The identifier a token denotes. */
	static String identifier(Token token) {
		String text = token.text();
		if (token.kind() == TokenKind.QUOTED_IDENTIFIER && text.startsWith("\"")) {
			return text.substring(1, text.length() - 1).replace("\"\"", "\"");
		}
		return text.toLowerCase(Locale.ROOT);
	}

	@Override
	public String toString() {
		return this.text;
	}

}
