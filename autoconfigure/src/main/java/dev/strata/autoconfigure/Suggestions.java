package dev.strata.autoconfigure;

import java.util.Collection;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The valid choice closest to what a user typed, for "did you mean ...?": the smallest
 * edit distance (insertions, deletions, substitutions and swaps of two neighbours), and
 * only when it is small for the word's length, so that a wild guess is not offered as a
 * correction. Case, dashes and underscores do not count, as in Spring Boot's relaxed
 * binding.
 */
final class Suggestions {

	private Suggestions() {
	}

	/** The closest choice, or {@code null} when none is close. */
	static @Nullable String closest(String given, Collection<String> choices) {
		String typed = canonical(given);
		String best = null;
		int bestDistance = Integer.MAX_VALUE;
		for (String choice : choices) {
			int distance = distance(typed, canonical(choice));
			if (distance < bestDistance) {
				best = choice;
				bestDistance = distance;
			}
		}
		return (best != null && bestDistance > 0 && bestDistance <= allowedDistance(typed)) ? best : null;
	}

	/** How far a typo may be from the word it meant: two, more for long names. */
	static int allowedDistance(String typed) {
		return Math.max(2, typed.length() / 8);
	}

	/** Lower case, without the dashes and underscores relaxed binding ignores. */
	static String canonical(String name) {
		return name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
	}

	/** Optimal string alignment distance: edits, with a swap of neighbours as one. */
	static int distance(String a, String b) {
		int[][] d = new int[a.length() + 1][b.length() + 1];
		for (int i = 0; i <= a.length(); i++) {
			d[i][0] = i;
		}
		for (int j = 0; j <= b.length(); j++) {
			d[0][j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
				if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
					d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
				}
			}
		}
		return d[a.length()][b.length()];
	}

}
