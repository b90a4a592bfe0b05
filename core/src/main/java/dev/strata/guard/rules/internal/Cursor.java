package dev.strata.guard.rules.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.strata.sql.KeywordSet;
import dev.strata.sql.Token;
import dev.strata.sql.TokenKind;
import org.jspecify.annotations.Nullable;

/**
 * Reads a statement's tokens from left to right: the recogniser's only tool. It knows
 * keywords, names and parentheses, nothing of SQL grammar.
 */
final class Cursor {

	private final List<Token> tokens;

	private int position;

	Cursor(List<Token> tokens) {
		this.tokens = tokens;
	}

	boolean atEnd() {
		return this.position >= this.tokens.size();
	}

	/** The current token, or {@code null} at the end. */
	@Nullable Token peek() {
		return atEnd() ? null : this.tokens.get(this.position);
	}

	/**
	 * The upper-cased WORD {@code ahead} tokens on, or {@code null}. A copy: for
	 * messages, and for tests the in-place methods below cannot make.
	 */
	@Nullable String word(int ahead) {
		Token token = token(ahead);
		if (token == null || token.kind() != TokenKind.WORD) {
			return null;
		}
		return token.text().toUpperCase(Locale.ROOT);
	}

	/**
	 * The member of {@code keywords} that {@link #word} would be, or {@code null}; found
	 * in place.
	 */
	@Nullable String word(int ahead, KeywordSet keywords) {
		return keywords.find(token(ahead));
	}

	/** Whether {@code upperCaseWord.equals(word(ahead))}, compared in place. */
	boolean isWord(int ahead, String upperCaseWord) {
		Token token = token(ahead);
		return token != null && token.isKeyword(upperCaseWord);
	}

	/** Whether the next token is this word; consumes it if so. */
	boolean accept(String word) {
		if (!isWord(0, word)) {
			return false;
		}
		this.position++;
		return true;
	}

	/** Whether the next tokens are these words; consumes them if so. */
	boolean accept(String... words) {
		for (int i = 0; i < words.length; i++) {
			if (!isWord(i, words[i])) {
				return false;
			}
		}
		this.position += words.length;
		return true;
	}

	private @Nullable Token token(int ahead) {
		int index = this.position + ahead;
		return (index < this.tokens.size()) ? this.tokens.get(index) : null;
	}

	/** Consumes one token. */
	Token next() {
		return this.tokens.get(this.position++);
	}

	/** Consumes {@code (…)} if the cursor is on {@code (}. */
	void skipParentheses() {
		Token token = peek();
		if (token == null || !token.is("(")) {
			return;
		}
		int depth = 0;
		while (!atEnd()) {
			int change = nesting(next());
			depth += change;
			if (change < 0 && depth == 0) {
				return;
			}
		}
	}

	/**
	 * Reads a possibly qualified name ({@code a}, {@code "a"}, {@code s.a}); {@code null}
	 * if none is here.
	 */
	@Nullable Name name() {
		Token token = peek();
		if (token == null || !Name.isIdentifier(token)) {
			return null;
		}
		Token first = next();
		if (!isQualifier()) {
			return Name.of(first); // most names are not qualified: no list for them
		}
		List<Token> parts = new ArrayList<>(3);
		parts.add(first);
		while (isQualifier()) {
			this.position++;
			parts.add(next());
		}
		return Name.of(parts);
	}

	/** Whether the cursor is on {@code .} followed by an identifier. */
	private boolean isQualifier() {
		Token token = peek();
		return token != null && token.is(".") && this.position + 1 < this.tokens.size()
				&& Name.isIdentifier(this.tokens.get(this.position + 1));
	}

	/**
	 * Reads {@code name [, name …]}, each optionally followed by {@code *} or
	 * {@code (args)}.
	 */
	List<Name> names() {
		List<Name> names = new ArrayList<>();
		while (true) {
			Name name = name();
			if (name == null) {
				return names;
			}
			names.add(name);
			if (peek() != null && peek().is("*")) {
				next();
			}
			skipParentheses();
			if (peek() == null || !peek().is(",")) {
				return names;
			}
			next();
		}
	}

	/** The tokens not read yet. */
	List<Token> rest() {
		return this.tokens.subList(Math.min(this.position, this.tokens.size()), this.tokens.size());
	}

	// Helpers over token lists, for rules that look at a whole clause.

	/**
	 * {@code +1} for an opening parenthesis or bracket, {@code -1} for a closing one,
	 * else {@code 0}.
	 */
	static int nesting(Token token) {
		if (token.is("(") || token.is("[")) {
			return 1;
		}
		return (token.is(")") || token.is("]")) ? -1 : 0;
	}

	/** Splits at commas outside parentheses and brackets. */
	static List<List<Token>> splitTopLevel(List<Token> tokens) {
		List<List<Token>> parts = new ArrayList<>();
		int depth = 0;
		int start = 0;
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			depth += nesting(token);
			if (depth == 0 && token.is(",")) {
				parts.add(tokens.subList(start, i));
				start = i + 1;
			}
		}
		parts.add(tokens.subList(start, tokens.size()));
		return parts;
	}

	/** Index of the first WORD {@code word} outside parentheses, or -1. */
	static int indexOfTopLevel(List<Token> tokens, String word) {
		int depth = 0;
		for (int i = 0; i < tokens.size(); i++) {
			Token token = tokens.get(i);
			depth += nesting(token);
			if (depth == 0 && token.isWord(word)) {
				return i;
			}
		}
		return -1;
	}

	static boolean containsTopLevel(List<Token> tokens, String word) {
		return indexOfTopLevel(tokens, word) >= 0;
	}

	/** Whether {@code first second} appear next to each other outside parentheses. */
	static boolean containsTopLevel(List<Token> tokens, String first, String second) {
		int depth = 0;
		for (int i = 0; i + 1 < tokens.size(); i++) {
			Token token = tokens.get(i);
			depth += nesting(token);
			if (depth == 0 && token.isWord(first) && tokens.get(i + 1).isWord(second)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the WORD appears anywhere, inside parentheses too (never inside strings).
	 */
	static boolean containsAnywhere(List<Token> tokens, String word) {
		for (Token token : tokens) {
			if (token.isWord(word)) {
				return true;
			}
		}
		return false;
	}

}
