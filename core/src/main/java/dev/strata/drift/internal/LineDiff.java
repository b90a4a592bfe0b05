package dev.strata.drift.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A line diff (Myers' O(ND) algorithm) rendered as a unified diff. Definitions of
 * functions and views are usually a few dozen lines with a small edit, where Myers is
 * fast and gives the shortest, most readable script.
 */
final class LineDiff {

	/** Context lines around each change, as {@code diff -u} prints them. */
	static final int CONTEXT = 3;

	/**
	 * Beyond this many differences the trace would cost too much memory: show a full
	 * replacement.
	 */
	private static final int MAX_DIFFERENCES = 2000;

	private LineDiff() {
	}

	enum Op {

		KEEP, DELETE, INSERT

	}

	/**
	 * One line of the edit script.
	 *
	 * @param op what happens to the line
	 * @param line the text
	 * @param oldIndex index in the old lines (for an insertion: where it goes)
	 * @param newIndex index in the new lines (for a deletion: where it was)
	 */
	record Edit(Op op, String line, int oldIndex, int newIndex) {
	}

	/** The shortest edit script turning {@code before} into {@code after}. */
	static List<Edit> edits(List<String> before, List<String> after) {
		int n = before.size();
		int m = after.size();
		int max = Math.min(n + m, MAX_DIFFERENCES);
		int offset = max + 1;
		int[] v = new int[2 * max + 3];
		List<int[]> trace = new ArrayList<>();
		for (int d = 0; d <= max; d++) {
			trace.add(slice(v, offset, d));
			for (int k = -d; k <= d; k += 2) {
				boolean down = k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1]);
				int x = down ? v[offset + k + 1] : v[offset + k - 1] + 1;
				int y = x - k;
				while (x < n && y < m && before.get(x).equals(after.get(y))) {
					x++;
					y++;
				}
				v[offset + k] = x;
				if (x >= n && y >= m) {
					return backtrack(trace, before, after);
				}
			}
		}
		return replaceAll(before, after);
	}

	/**
	 * The values of round {@code d}'s predecessor that backtracking can read: diagonals
	 * -d-1..d+1.
	 */
	private static int[] slice(int[] v, int offset, int d) {
		int[] copy = new int[2 * d + 3];
		System.arraycopy(v, offset - d - 1, copy, 0, copy.length);
		return copy;
	}

	private static List<Edit> backtrack(List<int[]> trace, List<String> before, List<String> after) {
		List<Edit> edits = new ArrayList<>();
		int x = before.size();
		int y = after.size();
		for (int d = trace.size() - 1; d >= 0; d--) {
			int[] v = trace.get(d);
			int k = x - y;
			boolean down = k == -d || (k != d && at(v, d, k - 1) < at(v, d, k + 1));
			int previousK = down ? k + 1 : k - 1;
			int previousX = at(v, d, previousK);
			int previousY = previousX - previousK;
			while (x > previousX && y > previousY) {
				x--;
				y--;
				edits.add(new Edit(Op.KEEP, before.get(x), x, y));
			}
			if (d > 0) {
				if (x == previousX) {
					y--;
					edits.add(new Edit(Op.INSERT, after.get(y), x, y));
				}
				else {
					x--;
					edits.add(new Edit(Op.DELETE, before.get(x), x, y));
				}
			}
			x = previousX;
			y = previousY;
		}
		Collections.reverse(edits);
		return edits;
	}

	private static int at(int[] slice, int d, int k) {
		return slice[k + d + 1];
	}

	private static List<Edit> replaceAll(List<String> before, List<String> after) {
		List<Edit> edits = new ArrayList<>();
		for (int i = 0; i < before.size(); i++) {
			edits.add(new Edit(Op.DELETE, before.get(i), i, 0));
		}
		for (int j = 0; j < after.size(); j++) {
			edits.add(new Edit(Op.INSERT, after.get(j), before.size(), j));
		}
		return edits;
	}

	/**
	 * A unified diff of two texts, or the empty string when their lines are equal.
	 * @param before the old text
	 * @param after the new text
	 */
	static String unified(String before, String after) {
		List<Edit> edits = edits(lines(before), lines(after));
		StringBuilder out = new StringBuilder();
		int i = 0;
		while (i < edits.size()) {
			if (edits.get(i).op() == Op.KEEP) {
				i++;
				continue;
			}
			int start = Math.max(0, i - CONTEXT);
			int end = hunkEnd(edits, i);
			appendHunk(out, edits.subList(start, end));
			i = end;
		}
		return out.isEmpty() ? "" : "--- before\n+++ after\n" + out;
	}

	/**
	 * Exclusive end of the hunk starting with the change at {@code first}: changes closer
	 * than two contexts join.
	 */
	private static int hunkEnd(List<Edit> edits, int first) {
		int lastChange = first;
		for (int j = first + 1; j < edits.size(); j++) {
			if (edits.get(j).op() != Op.KEEP) {
				if (j - lastChange > 2 * CONTEXT + 1) {
					break;
				}
				lastChange = j;
			}
		}
		return Math.min(edits.size(), lastChange + CONTEXT + 1);
	}

	private static void appendHunk(StringBuilder out, List<Edit> hunk) {
		int oldCount = 0;
		int newCount = 0;
		for (Edit edit : hunk) {
			oldCount += (edit.op() != Op.INSERT) ? 1 : 0;
			newCount += (edit.op() != Op.DELETE) ? 1 : 0;
		}
		Edit first = hunk.get(0);
		out.append("@@ -")
			.append(range(first.oldIndex(), oldCount))
			.append(" +")
			.append(range(first.newIndex(), newCount))
			.append(" @@\n");
		for (Edit edit : hunk) {
			char marker = switch (edit.op()) {
				case KEEP -> ' ';
				case DELETE -> '-';
				case INSERT -> '+';
			};
			out.append(marker).append(edit.line()).append('\n');
		}
	}

	/**
	 * {@code start,count} with 1-based start; an empty range names the line before it, as
	 * diff does.
	 */
	private static String range(int index, int count) {
		return (count == 0) ? index + ",0" : (index + 1) + "," + count;
	}

	static List<String> lines(String text) {
		if (text.isEmpty()) {
			return List.of();
		}
		return List.of(text.split("\n", -1));
	}

}
