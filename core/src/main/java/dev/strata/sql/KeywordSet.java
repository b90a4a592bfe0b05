package dev.strata.sql;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A fixed set of upper-case keywords, looked up with a WORD token where the token stands
 * in the script.
 *
 * <p>
 * Why: the guard switches on keywords for every statement, and upper-casing a token's
 * text first made two strings per look. {@link #find} answers exactly as {@code
 * set.contains(text.toUpperCase(Locale.ROOT))} would: ASCII text is folded and hashed in
 * place, and only text with other chars (which can upper-case to ASCII, as {@code ß} does
 * to {@code SS}) is upper-cased the slow way.
 */
public final class KeywordSet {

	private final Set<String> words;

	/**
	 * Open addressing on {@link String#hashCode()}; at most half full, so every probe
	 * ends.
	 */
	private final String[] slots;

	private final int mask;

	private KeywordSet(Set<String> words) {
		this.words = Set.copyOf(words);
		int capacity = Integer.highestOneBit(Math.max(4, words.size() * 2 - 1)) << 1;
		this.slots = new String[capacity];
		this.mask = capacity - 1;
		for (String word : words) {
			int i = spread(word.hashCode()) & mask;
			while (slots[i] != null) {
				i = (i + 1) & mask;
			}
			slots[i] = word;
		}
	}

	/**
	 * @param upperCaseWords keywords of upper-case ASCII letters, digits, {@code _} and
	 * {@code $}
	 * @throws IllegalArgumentException for any other word, which no token could ever
	 * spell
	 */
	public static KeywordSet of(String... upperCaseWords) {
		return of(Arrays.asList(upperCaseWords));
	}

	/** As {@link #of(String...)}. */
	public static KeywordSet of(Collection<String> upperCaseWords) {
		Set<String> words = new LinkedHashSet<>();
		for (String word : upperCaseWords) {
			if (!isUpperCaseKeyword(word)) {
				throw new IllegalArgumentException("Not an upper-case keyword: '" + word + "'");
			}
			words.add(word);
		}
		return new KeywordSet(words);
	}

	/**
	 * The member the token spells once upper-cased; null if it spells none or is not a
	 * WORD.
	 */
	public @Nullable String find(@Nullable Token token) {
		return token != null && token.kind() == TokenKind.WORD ? token.keywordIn(this) : null;
	}

	/** Whether {@link #find} finds a member. */
	public boolean contains(@Nullable Token token) {
		return find(token) != null;
	}

	/** Whether the word is a member. */
	public boolean contains(String upperCaseWord) {
		return words.contains(upperCaseWord);
	}

	/** The members, unordered. */
	public Set<String> words() {
		return words;
	}

	/**
	 * The member {@code source[start, start + length)} spells once upper-cased, or null.
	 */
	public @Nullable String find(String source, int start, int length) {
		int hash = 0;
		for (int i = 0; i < length; i++) {
			char c = source.charAt(start + i);
			if (c >= 0x80) {
				return slowFind(source.substring(start, start + length).toUpperCase(Locale.ROOT));
			}
			hash = 31 * hash + upperCase(c); // String.hashCode() of the upper-cased text
		}
		for (int i = spread(hash) & mask; slots[i] != null; i = (i + 1) & mask) {
			String word = slots[i];
			if (word.hashCode() == hash && word.length() == length && asciiEquals(source, start, word)) {
				return word;
			}
		}
		return null;
	}

	private @Nullable String slowFind(String upperCased) {
		for (int i = spread(upperCased.hashCode()) & mask; slots[i] != null; i = (i + 1) & mask) {
			if (slots[i].equals(upperCased)) {
				return slots[i];
			}
		}
		return null;
	}

	/**
	 * Whether {@code source[start, start + length).toUpperCase(Locale.ROOT)} equals the
	 * upper-case keyword, compared in place unless the text holds a char beyond ASCII.
	 */
	public static boolean spells(String source, int start, int length, String upperCaseWord) {
		int n = upperCaseWord.length();
		if (length > n) {
			return false; // upper-casing turns each char into one char or more, never
							// fewer
		}
		if (length < n) {
			// Only a char beyond ASCII can upper-case to several (ß to SS) and make up
			// the difference.
			for (int i = 0; i < length; i++) {
				if (source.charAt(start + i) >= 0x80) {
					return slowSpells(source, start, length, upperCaseWord);
				}
			}
			return false;
		}
		for (int i = 0; i < n; i++) {
			char c = source.charAt(start + i);
			if (c >= 0x80) {
				return slowSpells(source, start, length, upperCaseWord);
			}
			if (upperCase(c) != upperCaseWord.charAt(i)) {
				return false; // and with equal lengths no later char can shift this one
			}
		}
		return true;
	}

	private static boolean slowSpells(String source, int start, int length, String upperCaseWord) {
		return source.substring(start, start + length).toUpperCase(Locale.ROOT).equals(upperCaseWord);
	}

	/**
	 * For ASCII text only: whether it upper-cases to {@code upperCaseWord}, of the same
	 * length.
	 */
	private static boolean asciiEquals(String source, int start, String upperCaseWord) {
		for (int i = 0; i < upperCaseWord.length(); i++) {
			if (upperCase(source.charAt(start + i)) != upperCaseWord.charAt(i)) {
				return false;
			}
		}
		return true;
	}

	/** {@link Locale#ROOT} upper case of an ASCII char. */
	private static char upperCase(char c) {
		return c >= 'a' && c <= 'z' ? (char) (c - ('a' - 'A')) : c;
	}

	private static boolean isUpperCaseKeyword(String word) {
		if (word.isEmpty()) {
			return false;
		}
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (!(c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '$')) {
				return false;
			}
		}
		return true;
	}

	/**
	 * Mixes the high bits in: keyword hashes differ mostly there once the mask cuts them.
	 */
	private static int spread(int hash) {
		return hash ^ (hash >>> 16);
	}

	@Override
	public String toString() {
		return "KeywordSet" + words;
	}

}
