package dev.strata.autoconfigure.migrator;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/** The report's JSON writer produces what a real parser reads back. */
class JsonWriterTest {

	@Test
	void escapesWhatJsonRequiresAndNestsObjectsAndArrays() {
		String text = "quote \" backslash \\ newline \n tab \t bell \u0007 line separator \u2028 é 😀";
		String json = new JsonWriter().beginObject()
			.name("text").value(text)
			.name("none").value((String) null)
			.name("number").value(42L)
			.name("flag").value(false)
			.name("empty").beginArray().endArray()
			.name("list").beginArray().value("a").beginObject().name("b").value(1).endObject().endArray()
			.name("object").beginObject().endObject()
			.endObject()
			.toString();
		JsonNode node = JsonMapper.builder().build().readTree(json);
		assertThat(node.get("text").asString()).isEqualTo(text);
		assertThat(node.get("none").isNull()).isTrue();
		assertThat(node.get("number").asLong()).isEqualTo(42);
		assertThat(node.get("flag").asBoolean()).isFalse();
		assertThat(node.get("empty")).isEmpty();
		assertThat(node.get("list").get(1).get("b").asInt()).isEqualTo(1);
		assertThat(node.get("object").isObject()).isTrue();
	}

}
