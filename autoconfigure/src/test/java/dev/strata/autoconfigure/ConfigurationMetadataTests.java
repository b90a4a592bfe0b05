package dev.strata.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration processor's output, which IDEs use for completion: every {@code strata.*}
 * property is there, with a description. Read from the classpath, i.e. target/classes.
 */
class ConfigurationMetadataTests {

	private static final List<String> PROPERTIES = List.of("strata.enabled", "strata.on-startup", "strata.locations",
			"strata.schema", "strata.table", "strata.url", "strata.user", "strata.password",
			"strata.driver-class-name", "strata.lock-timeout", "strata.lock-retries", "strata.statement-timeout",
			"strata.lock-wait-timeout", "strata.out-of-order", "strata.baseline-version",
			"strata.baseline-on-migrate");

	// One "properties" entry: {"name": ..., "type": ..., "description": ..., ...}, without nested objects.
	private static final Pattern ENTRY = Pattern.compile("\\{[^{}]*\"name\"\\s*:\\s*\"(strata\\.[^\"]+)\"[^{}]*}");

	private static final Pattern DESCRIPTION = Pattern.compile("\"description\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	@Test
	void everyStrataPropertyIsDescribed() throws IOException {
		Map<String, String> descriptions = descriptions();
		assertThat(descriptions).containsKeys(PROPERTIES.toArray(String[]::new));
		assertThat(descriptions).allSatisfy((name, description) -> assertThat(description).as(name).isNotBlank());
	}

	@Test
	void everyDescribedPropertyIsKnownToThisTest() throws IOException {
		// A new property must be added to the list above (and to the docs).
		assertThat(descriptions().keySet()).containsExactlyInAnyOrderElementsOf(PROPERTIES);
	}

	private static Map<String, String> descriptions() throws IOException {
		String json;
		try (InputStream in = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("META-INF/spring-configuration-metadata.json on the classpath").isNotNull();
			json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		Map<String, String> descriptions = new LinkedHashMap<>();
		Matcher entry = ENTRY.matcher(json);
		while (entry.find()) {
			Matcher description = DESCRIPTION.matcher(entry.group());
			descriptions.put(entry.group(1), description.find() ? description.group(1) : "");
		}
		return descriptions;
	}

}
