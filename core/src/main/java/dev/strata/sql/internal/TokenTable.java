package dev.strata.sql.internal;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;
import dev.strata.sql.Token;
import dev.strata.sql.TokenKind;
import dev.strata.sql.LineIndex;

/**
 * The tokens of one script as parallel arrays over the shared script text.
 *
 * <p>
 * Why not a list of {@link Token}s: a parsed migration keeps its tokens until it has run,
 * and a token object with its own text string costs about 80 bytes where these arrays
 * cost 9. With tens of millions of tokens that difference was most of the time: the
 * garbage collector copying live tokens. Lines and columns are not stored per token but
 * found from the script's {@link LineIndex} when a token is asked for them. {@link #view}
 * hands out {@code List<Token>}s that make a small, short-lived {@link Token} on each
 * {@code get}.
 */
public final class TokenTable {

	private static final TokenKind[] KINDS = TokenKind.values();

	private final String script;

	private byte[] kinds;

	private int[] offsets;

	private int[] ends;

	private int size;

	/** Set by {@link #finish}, before any token is made. */
	private LineIndex lines;

	TokenTable(String script, int capacity) {
		this.script = script;
		int n = Math.max(8, capacity);
		kinds = new byte[n];
		offsets = new int[n];
		ends = new int[n];
	}

	int size() {
		return size;
	}

	void add(TokenKind kind, int offset, int end) {
		if (size == kinds.length) {
			grow(size + (size >> 1) + 1);
		}
		kinds[size] = (byte) kind.ordinal();
		offsets[size] = offset;
		ends[size] = end;
		size++;
	}

	/**
	 * Called once the script is lexed: records where its lines start, and drops spare
	 * capacity worth keeping no longer (the table may live as long as its statements).
	 */
	void finish(LineIndex lines) {
		this.lines = lines;
		if (kinds.length - size > (size >> 3) + 8) {
			grow(size);
		}
	}

	private void grow(int capacity) {
		kinds = Arrays.copyOf(kinds, capacity);
		offsets = Arrays.copyOf(offsets, capacity);
		ends = Arrays.copyOf(ends, capacity);
	}

	TokenKind kind(int i) {
		return KINDS[kinds[i]];
	}

	int offset(int i) {
		return offsets[i];
	}

	int end(int i) {
		return ends[i];
	}

	/** {@link Token#isWord} of token {@code i}, without making the token. */
	boolean isWord(int i, String upperCaseWord) {
		int length = ends[i] - offsets[i];
		return kinds[i] == TokenKind.WORD.ordinal() && length == upperCaseWord.length()
				&& script.regionMatches(true, offsets[i], upperCaseWord, 0, length);
	}

	Token token(int i) {
		return new Token(KINDS[kinds[i]], script, offsets[i], ends[i], lines);
	}

	/** Tokens {@code [from, to)} as an unmodifiable list. */
	List<Token> view(int from, int to) {
		return from == to ? List.of() : new View(this, from, to);
	}

	/**
	 * An unmodifiable list of a range of the table, as {@link List#copyOf} would give:
	 * mutators throw, equality and hash code are those of any list. The table behind it
	 * is only ever appended to past the range, so the view never changes.
	 */
	public static final class View extends AbstractList<Token> implements RandomAccess {

		private final TokenTable table;

		private final int from;

		private final int size;

		private View(TokenTable table, int from, int to) {
			this.table = table;
			this.from = from;
			this.size = to - from;
		}

		@Override
		public Token get(int index) {
			if (index < 0 || index >= size) {
				throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size);
			}
			return table.token(from + index);
		}

		@Override
		public int size() {
			return size;
		}

		@Override
		public List<Token> subList(int fromIndex, int toIndex) {
			if (fromIndex < 0 || toIndex > size || fromIndex > toIndex) {
				throw new IndexOutOfBoundsException("subList(" + fromIndex + ", " + toIndex + ") of " + size);
			}
			return table.view(from + fromIndex, from + toIndex);
		}

		@Override
		public void clear() {
			throw new UnsupportedOperationException(); // as List.copyOf's lists, even
														// when empty
		}

	}

}
