package dev.strata.report.json;

import java.util.ArrayDeque;
import java.util.Deque;

import org.jspecify.annotations.Nullable;

/**
 * Writes one JSON document as a stream of calls: objects, arrays, strings, numbers,
 * booleans and null, in the order they are written, indented by two spaces. Every report
 * Strata prints as JSON (the lint report, SARIF, the migrator's document) goes through
 * it, so they escape and lay out alike; core needs no JSON library for it, and a report's
 * field order is the order of its code.
 */
public final class JsonWriter {

	private final StringBuilder json = new StringBuilder();

	/** One entry per open container: whether it is an object. */
	private final Deque<Boolean> containers = new ArrayDeque<>();

	private boolean first = true;

	private boolean afterName;

	public JsonWriter beginObject() {
		return open('{', true);
	}

	public JsonWriter endObject() {
		return close('}', true);
	}

	public JsonWriter beginArray() {
		return open('[', false);
	}

	public JsonWriter endArray() {
		return close(']', false);
	}

	/**
	 * Starts a member of the current object; follow it with a value, an object or an
	 * array.
	 */
	public JsonWriter name(String name) {
		if (!Boolean.TRUE.equals(this.containers.peek()) || this.afterName) {
			throw new IllegalStateException("A name belongs in an object, before its value: " + name);
		}
		separate();
		quote(name);
		this.json.append(": ");
		this.afterName = true;
		return this;
	}

	public JsonWriter value(@Nullable String value) {
		beforeValue();
		if (value == null) {
			this.json.append("null");
		}
		else {
			quote(value);
		}
		return this;
	}

	/**
	 * A number as Java prints it; NaN and the infinities, which JSON cannot express, as
	 * null.
	 */
	public JsonWriter value(@Nullable Number value) {
		beforeValue();
		this.json.append((value != null && finite(value)) ? value.toString() : "null");
		return this;
	}

	public JsonWriter value(@Nullable Boolean value) {
		beforeValue();
		this.json.append((value != null) ? value.toString() : "null");
		return this;
	}

	public JsonWriter nullValue() {
		beforeValue();
		this.json.append("null");
		return this;
	}

	/** The document so far; complete once every object and array is closed. */
	@Override
	public String toString() {
		return this.json.toString();
	}

	private JsonWriter open(char bracket, boolean object) {
		beforeValue();
		this.json.append(bracket);
		this.containers.push(object);
		this.first = true;
		return this;
	}

	private JsonWriter close(char bracket, boolean object) {
		if (this.containers.isEmpty() || this.containers.peek() != object || this.afterName) {
			throw new IllegalStateException("Nothing to close with '" + bracket + "' here");
		}
		this.containers.pop();
		if (!this.first) {
			newline();
		}
		this.json.append(bracket);
		this.first = false;
		return this;
	}

	/**
	 * A value right after its name stays on the name's line; in an array it gets a line
	 * of its own.
	 */
	private void beforeValue() {
		if (this.afterName) {
			this.afterName = false;
		}
		else if (Boolean.TRUE.equals(this.containers.peek())) {
			throw new IllegalStateException("A value in an object needs a name first");
		}
		else if (!this.containers.isEmpty()) {
			separate();
		}
		this.first = false;
	}

	private void separate() {
		if (!this.first) {
			this.json.append(',');
		}
		newline();
	}

	private void newline() {
		this.json.append('\n').append("  ".repeat(this.containers.size()));
	}

	/**
	 * Escapes what JSON requires (quote, backslash, control characters), the line
	 * separators U+2028 and U+2029 (which JavaScript source does not allow raw), and a
	 * surrogate without its pair, which no UTF-8 output can carry. Everything else,
	 * characters beyond the BMP included, is written as it is.
	 */
	private void quote(String text) {
		this.json.append('"');
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '"' -> this.json.append("\\\"");
				case '\\' -> this.json.append("\\\\");
				case '\n' -> this.json.append("\\n");
				case '\r' -> this.json.append("\\r");
				case '\t' -> this.json.append("\\t");
				default -> {
					if (Character.isHighSurrogate(c) && i + 1 < text.length()
							&& Character.isLowSurrogate(text.charAt(i + 1))) {
						this.json.append(c).append(text.charAt(++i));
					}
					else if (c < 0x20 || c == '\u2028' || c == '\u2029' || Character.isSurrogate(c)) {
						this.json.append(String.format("\\u%04x", (int) c));
					}
					else {
						this.json.append(c);
					}
				}
			}
		}
		this.json.append('"');
	}

	private static boolean finite(Number value) {
		if (value instanceof Double number) {
			return Double.isFinite(number);
		}
		if (value instanceof Float number) {
			return Float.isFinite(number);
		}
		return true;
	}

}
