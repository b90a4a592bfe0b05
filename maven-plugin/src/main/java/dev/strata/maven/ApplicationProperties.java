package dev.strata.maven;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The {@code strata.*} settings of the project's {@code application.properties} and
 * {@code application.yml} (or {@code .yaml}) beside it, so that the plugin judges and
 * migrates as the application would without being told twice. As in Spring Boot, a key in
 * the properties file wins over the same key in the YAML file, and a later YAML document
 * over an earlier one. Read as plain files: {@code ${…}} placeholders and profiles are
 * Spring's and are not resolved (a YAML document that activates on a profile is left out,
 * as {@code application-prod.properties} is). Keys are matched as Spring Boot's relaxed
 * binding matches them (case, dashes and underscores do not count), except the names
 * under a map ({@code strata.guard.rules.<id>}, {@code strata.placeholders.<name>}).
 */
final class ApplicationProperties {

	static final ApplicationProperties NONE = new ApplicationProperties(Map.of(), Map.of());

	private static final String PROFILE_ACTIVATION = "spring.config.activate.on-profile";

	private final Map<String, String> values;

	/** The file each value was read from, for messages. */
	private final Map<String, Path> files;

	private ApplicationProperties(Map<String, String> values, Map<String, Path> files) {
		this.values = values;
		this.files = files;
	}

	/**
	 * The settings of {@code file} and of the YAML files beside it of the same name; none
	 * when no such file exists. A {@code .yml} or {@code .yaml} file given as
	 * {@code file} is read alone.
	 */
	static ApplicationProperties read(Path file) throws IOException {
		Map<String, String> values = new LinkedHashMap<>();
		Map<String, Path> files = new LinkedHashMap<>();
		String name = file.getFileName().toString();
		if (isYaml(name)) {
			readYaml(file, values, files);
			return new ApplicationProperties(values, files);
		}
		String base = name.endsWith(".properties") ? name.substring(0, name.length() - ".properties".length()) : name;
		for (String extension : List.of(".yaml", ".yml")) {
			readYaml(file.resolveSibling(base + extension), values, files);
		}
		readProperties(file, values, files);
		return new ApplicationProperties(values, files);
	}

	private static boolean isYaml(String name) {
		return name.endsWith(".yml") || name.endsWith(".yaml");
	}

	private static void readProperties(Path file, Map<String, String> values, Map<String, Path> files)
			throws IOException {
		if (!Files.isRegularFile(file)) {
			return;
		}
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
			properties.load(reader);
		}
		for (String key : properties.stringPropertyNames()) {
			put(values, files, key, properties.getProperty(key).trim(), file);
		}
	}

	private static void readYaml(Path file, Map<String, String> values, Map<String, Path> files) throws IOException {
		if (!Files.isRegularFile(file)) {
			return;
		}
		try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(reader)) {
				Map<String, String> flat = new LinkedHashMap<>();
				flatten("", document, flat);
				if (flat.keySet().stream().noneMatch((key) -> canonical(key).equals(canonical(PROFILE_ACTIVATION)))) {
					flat.forEach((key, value) -> put(values, files, key, value, file));
				}
			}
		}
		catch (YAMLException ex) {
			throw new IOException(file + " is not valid YAML: " + ex.getMessage(), ex);
		}
	}

	/**
	 * A YAML tree as the dotted keys Spring Boot gives it: nested maps joined with dots,
	 * a list of plain values as one comma-separated value (as {@code strata.locations} is
	 * written in a properties file).
	 */
	private static void flatten(String prefix, @Nullable Object node, Map<String, String> flat) {
		if (node instanceof Map<?, ?> map) {
			map.forEach(
					(key, value) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, value, flat));
		}
		else if (node instanceof List<?> list && list.stream().noneMatch((item) -> item instanceof Map<?, ?>)) {
			flat.put(prefix, String.join(",", list.stream().map(String::valueOf).toList()));
		}
		else if (node instanceof List<?> list) {
			for (int i = 0; i < list.size(); i++) {
				flatten(prefix + "[" + i + "]", list.get(i), flat);
			}
		}
		else if (node != null && !prefix.isEmpty()) {
			flat.put(prefix, String.valueOf(node));
		}
	}

	private static void put(Map<String, String> values, Map<String, Path> files, String key, String value, Path file) {
		if (!key.startsWith("strata.")) {
			return;
		}
		// last in, last found: what is read later wins (see key)
		values.remove(key);
		values.put(key, value.trim());
		files.put(key, file);
	}

	/** The value of a property such as {@code strata.allow-destructive}, or null. */
	@Nullable String get(String name) {
		String key = key(name);
		return (key != null) ? this.values.get(key) : null;
	}

	@Nullable Boolean getBoolean(String name) {
		String value = get(name);
		if (value == null) {
			return null;
		}
		if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
			throw new IllegalArgumentException(name + "=" + value + " in " + file(name) + " is neither true nor false");
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

	/** Where a property was read from, for messages; null when no file set it. */
	@Nullable Path file(String name) {
		String key = key(name);
		return (key != null) ? this.files.get(key) : null;
	}

	/**
	 * The key a property was read under, written any way relaxed binding allows
	 * ({@code allowDestructive}, {@code allow-destructive}); of several, the one read
	 * last, which wins as in Spring Boot.
	 */
	private @Nullable String key(String name) {
		String wanted = canonical(name);
		String found = null;
		for (String key : this.values.keySet()) {
			if (canonical(key).equals(wanted)) {
				found = key;
			}
		}
		return found;
	}

	private static String canonical(String name) {
		return name.replace("-", "").replace("_", "").toLowerCase(Locale.ROOT);
	}

}
