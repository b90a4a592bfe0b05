package dev.strata.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration processor's output, which IDEs use for completion: every
 * {@code strata.*} property is there, with a description, and the configuration reference
 * documents each one. Read from the classpath, i.e. target/classes.
 */
class ConfigurationMetadataTests {

	/** Properties every release must keep; a rename breaks users' configuration. */
	private static final List<String> CORE_PROPERTIES = List.of("strata.enabled", "strata.on-startup",
			"strata.locations", "strata.schema", "strata.table", "strata.url", "strata.user", "strata.password",
			"strata.driver-class-name", "strata.lock-timeout", "strata.lock-retries", "strata.statement-timeout",
			"strata.lock-wait-timeout", "strata.out-of-order", "strata.baseline-version", "strata.baseline-on-migrate");

	// One entry of the "properties" array: {"name": ..., "type": ..., "description": ...,
	// ...}.
	private static final Pattern ENTRY = Pattern.compile("\\{[^{}]*\"name\"\\s*:\\s*\"(strata\\.[^\"]+)\"[^{}]*}");

	private static final Pattern DESCRIPTION = Pattern.compile("\"description\"\\s*:\\s*\"((?:[^\"\\\\]|\\\\.)*)\"");

	@Test
	void everyStrataPropertyIsDescribed() throws IOException {
		Map<String, String> descriptions = descriptions();
		assertThat(descriptions).containsKeys(CORE_PROPERTIES.toArray(String[]::new));
		assertThat(descriptions).allSatisfy((name, description) -> assertThat(description).as(name).isNotBlank());
	}

	@Test
	void configurationReferenceDocumentsEveryProperty() throws IOException {
		String reference = Files.readString(Path.of("..", "docs", "configuration.md"));
		assertThat(descriptions().keySet())
			.allSatisfy((name) -> assertThat(reference).as("docs/configuration.md mentions " + name)
				.contains("`" + name + "`"));
	}

	private static Map<String, String> descriptions() throws IOException {
		String json;
		try (InputStream in = ConfigurationMetadataTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).as("META-INF/spring-configuration-metadata.json on the classpath").isNotNull();
			json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		// Groups have names but no descriptions: only the "properties" array lists
		// properties.
		int properties = json.indexOf("\"properties\"");
		int hints = json.indexOf("\"hints\"", properties);
		String section = json.substring(properties, (hints > 0) ? hints : json.length());
		Map<String, String> descriptions = new LinkedHashMap<>();
		Matcher entry = ENTRY.matcher(section);
		while (entry.find()) {
			Matcher description = DESCRIPTION.matcher(entry.group());
			descriptions.put(entry.group(1), description.find() ? description.group(1) : "");
		}
		return descriptions;
	}

}
