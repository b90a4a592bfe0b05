package dev.strata.report.json;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The one JSON writer, byte for byte. Core has no JSON parser; autoconfigure's
 * {@code JsonReportsTests} reads every report back with Jackson.
 */
class JsonWriterTest {

	@Test
	void nestsObjectsAndArraysTwoSpacesDeepWithoutTrailingCommas() {
		String json = new JsonWriter().beginObject()
			.name("text")
			.value("x")
			.name("none")
			.value((String) null)
			.name("number")
			.value(42L)
			.name("flag")
			.value(false)
			.name("empty")
			.beginArray()
			.endArray()
			.name("list")
			.beginArray()
			.value("a")
			.beginObject()
			.name("b")
			.value(1)
			.endObject()
			.endArray()
			.name("object")
			.beginObject()
			.endObject()
			.endObject()
			.toString();
		assertThat(json).isEqualTo("""
				{
				  "text": "x",
				  "none": null,
				  "number": 42,
				  "flag": false,
				  "empty": [],
				  "list": [
				    "a",
				    {
				      "b": 1
				    }
				  ],
				  "object": {}
				}""");
	}

	@Test
	void escapesWhatJsonRequires() {
		assertThat(string("quote \" backslash \\ newline \n return \r tab \t"))
			.isEqualTo("\"quote \\\" backslash \\\\ newline \\n return \\r tab \\t\"");
		assertThat(string("\u0000\u0007\b\f\u001f")).isEqualTo("\"\\u0000\\u0007\\u0008\\u000c\\u001f\"");
	}

	@Test
	void escapesLineSeparatorsWhichJavaScriptRejectsRaw() {
		assertThat(string("a\u2028b\u2029c")).isEqualTo("\"a\\u2028b\\u2029c\"");
	}

	@Test
	void keepsCharactersBeyondTheBmpButEscapesALoneSurrogate() {
		assertThat(string("é 😀")).isEqualTo("\"é 😀\"");
		assertThat(string("a\ud800b\udc00")).isEqualTo("\"a\\ud800b\\udc00\"");
		assertThat(string("\ude00\ud83d")).isEqualTo("\"\\ude00\\ud83d\"");
	}

	@Test
	void writesNumbersJsonCannotExpressAsNull() {
		assertThat(new JsonWriter().value(Double.NaN).toString()).isEqualTo("null");
		assertThat(new JsonWriter().value(Float.NEGATIVE_INFINITY).toString()).isEqualTo("null");
		assertThat(new JsonWriter().value(1.5d).toString()).isEqualTo("1.5");
		assertThat(new JsonWriter().value((Number) null).toString()).isEqualTo("null");
	}

	@Test
	void refusesWhatWouldNotBeJson() {
		assertThatIllegalStateException().isThrownBy(() -> new JsonWriter().beginObject().value("x"));
		assertThatIllegalStateException().isThrownBy(() -> new JsonWriter().beginArray().name("x"));
		assertThatIllegalStateException().isThrownBy(() -> new JsonWriter().beginObject().name("x").endObject());
		assertThatIllegalStateException().isThrownBy(() -> new JsonWriter().beginArray().endObject());
	}

	private static String string(String text) {
		return new JsonWriter().value(text).toString();
	}

}
