package dev.strata.autoconfigure.migrator;

import org.jspecify.annotations.Nullable;

/**
 * Just enough JSON for the migrator's report: objects, arrays, strings, numbers, booleans and
 * null, written in order with two-space indentation. Strata does not need Jackson on the
 * application's classpath for this, and the report's field order stays as documented.
 */
final class JsonWriter {

	private final StringBuilder json = new StringBuilder();

	private int depth;

	private boolean first = true;

	private boolean pendingValueAfterName;

	JsonWriter beginObject() {
		return open('{');
	}

	JsonWriter endObject() {
		return close('}');
	}

	JsonWriter beginArray() {
		return open('[');
	}

	JsonWriter endArray() {
		return close(']');
	}

	/** Starts a member of the current object; follow it with a value, an object or an array. */
	JsonWriter name(String name) {
		separate();
		quote(name);
		this.json.append(": ");
		this.first = true;
		this.pendingValueAfterName = true;
		return this;
	}

	JsonWriter value(@Nullable String value) {
		beforeValue();
		if (value == null) {
			this.json.append("null");
		}
		else {
			quote(value);
		}
		return this;
	}

	JsonWriter value(@Nullable Number value) {
		beforeValue();
		this.json.append((value != null) ? value.toString() : "null");
		return this;
	}

	JsonWriter value(@Nullable Boolean value) {
		beforeValue();
		this.json.append((value != null) ? value.toString() : "null");
		return this;
	}

	JsonWriter nullValue() {
		beforeValue();
		this.json.append("null");
		return this;
	}

	@Override
	public String toString() {
		return this.json.toString();
	}

	private JsonWriter open(char bracket) {
		beforeValue();
		this.json.append(bracket);
		this.depth++;
		this.first = true;
		return this;
	}

	private JsonWriter close(char bracket) {
		this.depth--;
		if (!this.first) {
			newline();
		}
		this.json.append(bracket);
		this.first = false;
		return this;
	}

	/** A value right after its name stays on the name's line; in an array it gets its own. */
	private void beforeValue() {
		if (this.pendingValueAfterName) {
			this.pendingValueAfterName = false;
		}
		else if (this.depth > 0) {
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
		this.json.append('\n');
		this.json.append("  ".repeat(this.depth));
	}

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
					if (c < 0x20 || c == '\u2028' || c == '\u2029') {
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

}
