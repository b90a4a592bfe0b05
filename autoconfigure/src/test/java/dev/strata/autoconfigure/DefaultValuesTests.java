package dev.strata.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import javax.sql.DataSource;

import dev.strata.StrataConfig;
import dev.strata.fleet.FleetSettings;
import dev.strata.autoconfigure.migrator.MigratorProperties;
import dev.strata.source.Location;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.BeanWrapper;
import org.springframework.beans.PropertyAccessorFactory;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each default is stated where core keeps it, again in the properties (for the IDE's
 * metadata) and in docs/configuration.md: for every property, the configuration
 * metadata's default, the bound properties' default, what
 * {@code StrataConfig.builder(dataSource).build()} yields and the reference's default
 * column agree. Like Spring Boot's own {@code defaultValuesAreConsistent}.
 */
class DefaultValuesTests {

	private static final DataSource DATA_SOURCE = new SimpleDriverDataSource();

	/** Where core keeps each setting that a property feeds. */
	private static final Map<String, Function<StrataConfig, @Nullable Object>> CORE = core();

	/** Settings only the Spring Boot integration has: the properties are their home. */
	private static final List<String> SPRING_ONLY = List.of("strata.enabled", "strata.on-startup", "strata.url",
			"strata.user", "strata.password", "strata.driver-class-name", "strata.drift.check-interval",
			"strata.health.fail-on-drift", "strata.lint.format", "strata.tenants.schemas",
			"strata.tenants.schemas-query", "strata.tenants.shard", "strata.tenants.shard-count",
			"strata.tenants.health.max-failed-share", "strata.tenants.metrics.per-tenant", "strata.targets");

	/** Fleet settings: core's {@code FleetSettings.DEFAULTS} is their home. */
	private static final Map<String, Function<FleetSettings, Object>> FLEET = Map.of("strata.tenants.parallelism",
			FleetSettings::parallelism, "strata.tenants.fail-fast", FleetSettings::failFast,
			"strata.tenants.create-schemas", FleetSettings::createSchemas);

	private static Map<String, Function<StrataConfig, @Nullable Object>> core() {
		Map<String, Function<StrataConfig, @Nullable Object>> core = new LinkedHashMap<>();
		core.put("strata.locations", (config) -> config.locations().stream().map(Location::toString).toList());
		core.put("strata.schema", StrataConfig::schema);
		core.put("strata.table", StrataConfig::table);
		core.put("strata.lock-timeout", (config) -> config.execution().lockTimeout());
		core.put("strata.lock-retries", (config) -> config.execution().lockRetries());
		core.put("strata.statement-timeout", (config) -> config.execution().statementTimeout());
		core.put("strata.progress-interval", (config) -> config.execution().progressInterval());
		core.put("strata.lock-wait-timeout", (config) -> config.lock().maxWait());
		core.put("strata.lock-mode", (config) -> config.lock().mode());
		core.put("strata.lock-lease", (config) -> config.lock().lease());
		core.put("strata.out-of-order", StrataConfig::outOfOrder);
		core.put("strata.baseline-version", StrataConfig::baselineVersion);
		core.put("strata.baseline-on-migrate", StrataConfig::baselineOnMigrate);
		core.put("strata.flyway.adopt", StrataConfig::flywayAdopt);
		core.put("strata.flyway.table", StrataConfig::flywayTable);
		core.put("strata.placeholders", (config) -> config.placeholders().values());
		core.put("strata.placeholder-replacement", (config) -> config.placeholders().replacement());
		core.put("strata.placeholder-prefix", (config) -> config.placeholders().prefix());
		core.put("strata.placeholder-suffix", (config) -> config.placeholders().suffix());
		core.put("strata.allow-destructive", StrataConfig::allowDestructive);
		core.put("strata.guard.strict", (config) -> config.guard().strict());
		core.put("strata.guard.rules", (config) -> config.guard().rules());
		core.put("strata.guard.baseline-version", (config) -> config.guard().baselineVersion());
		core.put("strata.guard.large-table-rows", (config) -> config.guard().largeTableRows());
		core.put("strata.guard.verify-effects", (config) -> config.guard().verifyEffects());
		core.put("strata.lint.scope", StrataConfig::lintScope);
		core.put("strata.drift.schemas", (config) -> config.drift().schemas());
		core.put("strata.drift.include", (config) -> config.drift().optInKinds());
		core.put("strata.drift.snapshot-in-background", StrataConfig::snapshotInBackground);
		core.put("strata.archive.enabled", (config) -> config.archive().enabled());
		core.put("strata.archive.schema", (config) -> config.archive().schema());
		core.put("strata.archive.max-rows", (config) -> config.archive().maxRows());
		core.put("strata.archive.retention", (config) -> config.archive().retention());
		return core;
	}

	@Test
	void metadataDefaultsAreTheBoundDefaults() throws IOException {
		Map<String, @Nullable JsonNode> metadata = metadataDefaults();
		assertThat(metadata).isNotEmpty();
		metadata.forEach((name, metadataDefault) -> {
			BeanWrapper properties = bound(name);
			String path = path(name);
			Object bound = properties.getPropertyValue(path);
			if (metadataDefault == null) {
				assertThat(isUnset(bound)).as(name + " has a default (" + bound + ") the metadata does not record")
					.isTrue();
			}
			else {
				Object expected = convert(text(metadataDefault), properties.getPropertyTypeDescriptor(path));
				assertThat(bound).as(name).isEqualTo(expected);
			}
		});
	}

	@Test
	void boundDefaultsAreCoresDefaults() {
		StrataProperties properties = bind("strata", StrataProperties.class);
		StrataConfig fromProperties = StrataConfigFactory.builder(properties, DATA_SOURCE, getClass().getClassLoader())
			.build();
		StrataConfig coreDefaults = StrataConfig.builder(DATA_SOURCE).build();
		CORE.forEach((name, setting) -> assertThat(setting.apply(fromProperties)).as(name)
			.isEqualTo(setting.apply(coreDefaults)));
	}

	@Test
	void tenantDefaultsAreTheFleetsDefaults() {
		BeanWrapper properties = PropertyAccessorFactory.forBeanPropertyAccess(bind("strata", StrataProperties.class));
		FLEET.forEach((name, setting) -> assertThat(properties.getPropertyValue(path(name))).as(name)
			.isEqualTo(setting.apply(FleetSettings.DEFAULTS)));
	}

	@Test
	void everyPropertyIsEitherCoresOrSpringBootsOnly() throws IOException {
		List<String> strata = metadataDefaults().keySet()
			.stream()
			.filter((name) -> !name.startsWith("strata.migrator."))
			.toList();
		assertThat(strata).allSatisfy(
				(name) -> assertThat(CORE.containsKey(name) || SPRING_ONLY.contains(name) || FLEET.containsKey(name))
					.as(name + " is mapped to core or listed as Spring Boot only")
					.isTrue());
	}

	@Test
	void configurationReferenceStatesTheSameDefaults() throws IOException {
		Map<String, String> documented = documentedDefaults();
		Map<String, @Nullable JsonNode> metadata = metadataDefaults();
		assertThat(documented.keySet()).containsAll(metadata.keySet());
		metadata.keySet().forEach((name) -> {
			BeanWrapper properties = bound(name);
			String path = path(name);
			Object bound = properties.getPropertyValue(path);
			String cell = documented.get(name);
			Matcher literal = Pattern.compile("`([^`]*)`").matcher(cell);
			if (literal.matches()) {
				Object expected = convert(literal.group(1), properties.getPropertyTypeDescriptor(path));
				assertThat(bound).as("docs/configuration.md's default of " + name).isEqualTo(expected);
			}
			else {
				assertThat(isUnset(bound))
					.as("docs/configuration.md says " + name + " has no fixed default (" + cell + "), but it is "
							+ bound)
					.isTrue();
			}
		});
	}

	private static boolean isUnset(@Nullable Object value) {
		return value == null || (value instanceof Collection<?> collection && collection.isEmpty())
				|| (value instanceof Map<?, ?> map && map.isEmpty());
	}

	private static @Nullable Object convert(String text, @Nullable TypeDescriptor type) {
		return ApplicationConversionService.getSharedInstance()
			.convert(text, TypeDescriptor.valueOf(String.class), type);
	}

	private static String text(JsonNode value) {
		if (value.isArray()) {
			return value.valueStream().map(JsonNode::asString).collect(Collectors.joining(","));
		}
		return value.asString();
	}

	private static BeanWrapper bound(String name) {
		Object properties = name.startsWith("strata.migrator.") ? bind("strata.migrator", MigratorProperties.class)
				: bind("strata", StrataProperties.class);
		return PropertyAccessorFactory.forBeanPropertyAccess(properties);
	}

	/** {@code strata.guard.large-table-rows} to {@code guard.largeTableRows}. */
	private static String path(String name) {
		String relative = name
			.substring(name.startsWith("strata.migrator.") ? "strata.migrator.".length() : "strata.".length());
		StringBuilder path = new StringBuilder();
		boolean upper = false;
		for (char c : relative.toCharArray()) {
			if (c == '-') {
				upper = true;
			}
			else {
				path.append(upper ? Character.toUpperCase(c) : c);
				upper = false;
			}
		}
		return path.toString();
	}

	private static <T> T bind(String prefix, Class<T> type) {
		return new Binder(new MapConfigurationPropertySource(Map.of())).bindOrCreate(prefix, type);
	}

	/**
	 * Every {@code strata.*} property of the configuration metadata, with its default or
	 * null.
	 */
	private static Map<String, @Nullable JsonNode> metadataDefaults() throws IOException {
		try (InputStream in = DefaultValuesTests.class
			.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
			assertThat(in).isNotNull();
			Map<String, @Nullable JsonNode> defaults = new LinkedHashMap<>();
			for (JsonNode property : JsonMapper.builder().build().readTree(in).get("properties")) {
				String name = property.get("name").asString();
				if (name.startsWith("strata.")) {
					defaults.put(name, property.get("defaultValue"));
				}
			}
			return defaults;
		}
	}

	/** The default column of docs/configuration.md's tables, by property. */
	private static Map<String, String> documentedDefaults() throws IOException {
		Pattern row = Pattern.compile("^\\| `(strata\\.[^`]+)`[^|]*\\| ([^|]*) \\|", Pattern.MULTILINE);
		Matcher matcher = row.matcher(Files.readString(Path.of("..", "docs", "configuration.md")));
		Map<String, String> defaults = new LinkedHashMap<>();
		while (matcher.find()) {
			defaults.put(matcher.group(1), matcher.group(2).trim());
		}
		return defaults;
	}

}
