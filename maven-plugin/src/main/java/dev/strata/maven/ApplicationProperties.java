package dev.strata.maven;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.jspecify.annotations.Nullable;

/**
 * The {@code strata.*} settings of the project's {@code application.properties}, so that
 * the plugin judges and migrates as the application would without being told twice. Read
 * as a plain properties file: {@code ${…}} placeholders and profiles are Spring's and are
 * not resolved. Keys are matched as Spring Boot's relaxed binding matches them (case,
 * dashes and underscores do not count), except the names under a map
 * ({@code strata.guard.rules.<id>}, {@code strata.placeholders.<name>}).
 */
final class ApplicationProperties {

	static final ApplicationProperties NONE = new ApplicationProperties(Map.of(), null);

	private final Map<String, String> values;

	private final @Nullable Path file;

	private ApplicationProperties(Map<String, String> values, @Nullable Path file) {
		this.values = values;
		this.file = file;
	}

	/** The file's settings, or none when the file does not exist. */
	static ApplicationProperties read(Path file) throws IOException {
		if (!Files.isRegularFile(file)) {
			return NONE;
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
			properties.load(reader);
		}
		Map<String, String> values = new LinkedHashMap<>();
		for (String key : properties.stringPropertyNames()) {
			if (key.startsWith("strata.")) {
				values.put(key, properties.getProperty(key).trim());
			}
		}
		return new ApplicationProperties(values, file);
	}

	/** The value of a property such as {@code strata.allow-destructive}, or null. */
	@Nullable String get(String name) {
		String wanted = canonical(name);
		for (Map.Entry<String, String> entry : this.values.entrySet()) {
			if (canonical(entry.getKey()).equals(wanted)) {
				return entry.getValue();
			}
		}
		return null;
	}

	@Nullable Boolean getBoolean(String name) {
		String value = get(name);
		if (value == null) {
			return null;
		}
		if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
			throw new IllegalArgumentException(name + "=" + value + " in " + this.file + " is neither true nor false");
		}
		return Boolean.parseBoolean(value);
	}

	/** The entries under a map property: {@code strata.guard.rules.} gives rule ids. */
	Map<String, String> getMap(String prefix) {
		Map<String, String> map = new LinkedHashMap<>();
		this.values.forEach((key, value) -> {
			if (key.startsWith(prefix) && key.length() > prefix.length()) {
				map.put(key.substring(prefix.length()), value);
			}
		});
		return map;
	}

	/** Where they were read from, for messages; null when there was no file. */
	@Nullable Path file() {
		return this.file;
	}

	private static String canonical(String name) {
		return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

}
