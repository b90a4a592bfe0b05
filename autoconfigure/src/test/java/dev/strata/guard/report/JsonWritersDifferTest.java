package dev.strata.guard.report;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.strata.autoconfigure.migrator.JsonWriterAccess;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Characterises how the lint report's {@code Json} and the migrator's {@code JsonWriter} differ,
 * before they become one writer. Lives in core's package to reach the package-private class.
 */
class JsonWritersDifferTest {

	@Test
	void layoutIsTheSame() {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("a", "x");
		root.put("n", 42L);
		root.put("none", null);
		root.put("empty", List.of());
		root.put("list", List.of("a", Map.of("b", 1)));
		root.put("object", Map.of());
		String lint = Json.write(root);
		String migrator = JsonWriterAccess.sample(null, 42L);
		assertThat(lint).isEqualTo(migrator);
	}

	@Test
	void lineSeparatorsAreEscapedOnlyByTheMigrator() {
		assertThat(Json.write("\u2028")).isEqualTo("\"\u2028\"\n");
		assertThat(JsonWriterAccess.string("\u2028")).isEqualTo("\"\\u2028\"");
	}

	@Test
	void controlCharactersAreEscapedAlike() {
		assertThat(Json.write("\u0007\b\f\n\u007f")).isEqualTo("\"\\u0007\\u0008\\u000c\\n\u007f\"\n");
		assertThat(JsonWriterAccess.string("\u0007\b\f\n\u007f")).isEqualTo("\"\\u0007\\u0008\\u000c\\n\u007f\"");
	}

	@Test
	void loneSurrogatesPassRawThroughBothSoUtf8OutputLosesThem() {
		assertThat(Json.write("\ud800")).isEqualTo("\"\ud800\"\n");
		assertThat(JsonWriterAccess.string("\ud800")).isEqualTo("\"\ud800\"");
		assertThat(JsonWriterAccess.string("😀")).isEqualTo("\"😀\"");
	}

	@Test
	void nonFiniteNumbersAreInvalidJsonInBoth() {
		assertThat(Json.write(Double.NaN)).isEqualTo("NaN\n");
		assertThat(JsonWriterAccess.number(Double.POSITIVE_INFINITY)).isEqualTo("Infinity");
		assertThatThrownBy(() -> JsonMapper.builder().build().readTree("[NaN]")).isNotNull();
	}

	@Test
	void mapOfKeysComeOutInHashOrder() {
		Map<String, Object> properties = Map.of("severity", "DESTRUCTIVE", "lock", "ACCESS EXCLUSIVE");
		assertThat(Json.write(properties)).isEqualTo(Json.write(new LinkedHashMap<>(properties)));
		// whichever order Map.of gives in this JVM: SARIF's "properties" are not written as in the source
	}

}
