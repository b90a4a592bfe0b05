package dev.strata.sql;

/**
 * Where each line of a script starts, so that a token's line and column can be found from
 * its offset when asked for. Why: a token table that stored both for every token spent
 * half its memory on them, and they are asked for only when a message points at a token.
 */
public final class LineIndex {

	/**
	 * {@code starts[k]} is the offset of the first char of line {@code k + 1}; ascending.
	 */
	private final int[] starts;

	private final int count;

	/**
	 * @param starts line start offsets, ascending, from index 0; not copied (what follows
	 * the first {@code count} may still change)
	 * @param count how many of them are lines
	 */
	public LineIndex(int[] starts, int count) {
		this.starts = starts;
		this.count = count;
	}

	/** 1-based line of the char at {@code offset}. */
	public int line(int offset) {
		int low = 0;
		int high = count - 1;
		while (low < high) { // the last line starting at or before offset
			int mid = (low + high + 1) >>> 1;
			if (starts[mid] <= offset) {
				low = mid;
			}
			else {
				high = mid - 1;
			}
		}
		return low + 1;
	}

	/**
	 * 1-based column (in UTF-16 chars) of the char at {@code offset}, which is on
	 * {@code line}.
	 */
	public int column(int offset, int line) {
		return offset - starts[line - 1] + 1;
	}

}
