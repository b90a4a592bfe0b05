package dev.strata.drift.internal;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A canonical definition: {@code key: value} lines, in the order the snapshot query
 * prints them. Values are escaped ({@code \\}, {@code \n}, {@code \r}) so that a
 * multi-line function body is one line of the definition; {@link #parse} restores them.
 */
public final class Definition {

	private Definition() {
	}

	/** The attributes of a definition, values unescaped, in order. */
	public static Map<String, String> parse(String definition) {
		Map<String, String> attributes = new LinkedHashMap<>();
		if (definition.isEmpty()) {
			return attributes;
		}
		for (String line : definition.split("\n", -1)) {
			int separator = line.indexOf(": ");
			if (separator < 0) {
				attributes.put(line, "");
			}
			else {
				attributes.put(line.substring(0, separator), unescape(line.substring(separator + 2)));
			}
		}
		return attributes;
	}

	public static String escape(String value) {
		return value.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r");
	}

	static String unescape(String value) {
		if (value.indexOf('\\') < 0) {
			return value;
		}
		StringBuilder out = new StringBuilder(value.length());
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\\' && i + 1 < value.length()) {
				char next = value.charAt(++i);
				out.append(switch (next) {
					case 'n' -> '\n';
					case 'r' -> '\r';
					default -> next;
				});
			}
			else {
				out.append(c);
			}
		}
		return out.toString();
	}

}
