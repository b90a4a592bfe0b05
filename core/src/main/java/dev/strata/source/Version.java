package dev.strata.source;

import java.util.ArrayList;
import java.util.List;

/**
 * A migration version: integers separated by dots or underscores, compared numerically
 * part by part, so that 1 &lt; 1.1 &lt; 1.2 &lt; 2 &lt; 10. Trailing zero parts and
 * leading zeros do not count: {@code 1}, {@code 1.0} and {@code 01} are the same version.
 */
public final class Version implements Comparable<Version> {

	/**
	 * Each part's digits without leading zeros ("0" for zero): compared by length, then
	 * as text.
	 */
	private final List<String> parts;

	private final String text;

	private Version(List<String> parts, String text) {
		this.parts = parts;
		this.text = text;
	}

	/**
	 * Parses a version such as {@code 1}, {@code 1.2}, {@code 2_1_3}.
	 * @throws IllegalArgumentException if the text is not dot or underscore separated
	 * integers
	 */
	public static Version parse(String text) {
		if (text.isEmpty()) {
			throw new IllegalArgumentException("version is empty");
		}
		List<String> parts = new ArrayList<>();
		int start = 0;
		for (int i = 0; i <= text.length(); i++) {
			if (i == text.length() || text.charAt(i) == '.' || text.charAt(i) == '_') {
				if (i == start) {
					throw new IllegalArgumentException("version '" + text + "' has an empty part");
				}
				parts.add(digits(text, start, i));
				start = i + 1;
			}
		}
		int significant = parts.size();
		while (significant > 1 && parts.get(significant - 1).equals("0")) {
			significant--;
		}
		return new Version(List.copyOf(parts.subList(0, significant)), text.replace('_', '.'));
	}

	private static String digits(String text, int from, int to) {
		int significant = from;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				throw new IllegalArgumentException(
						"version '" + text + "' is not made of integers separated by '.' or '_'");
			}
			if (c == '0' && significant == i && i < to - 1) {
				significant++;
			}
		}
		return text.substring(significant, to);
	}

	@Override
	public int compareTo(Version other) {
		int n = Math.max(this.parts.size(), other.parts.size());
		for (int i = 0; i < n; i++) {
			String a = (i < this.parts.size()) ? this.parts.get(i) : "0";
			String b = (i < other.parts.size()) ? other.parts.get(i) : "0";
			int c = (a.length() != b.length()) ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	@Override
	public boolean equals(Object obj) {
		return (obj instanceof Version other) && this.parts.equals(other.parts);
	}

	@Override
	public int hashCode() {
		return this.parts.hashCode();
	}

	/** The version as written in the file name, with {@code _} shown as {@code .}. */
	@Override
	public String toString() {
		return this.text;
	}

}
