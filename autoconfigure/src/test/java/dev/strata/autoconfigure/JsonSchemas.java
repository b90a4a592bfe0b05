package dev.strata.autoconfigure;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JSON Schemas shipped in {@code docs/schemas/}, read from the docs themselves, and
 * the check every test that reads a JSON document Strata emits goes through: it parses as
 * exactly one document, and its schema accepts it. The schemas close their objects
 * ({@code additionalProperties: false}), so a field the code emits and the schema does
 * not declare fails too.
 */
public final class JsonSchemas {

	/** The directory the docs ship the schemas in. */
	public static final Path DIRECTORY = Path.of("..", "docs", "schemas").toAbsolutePath().normalize();

	/** {@code GET /actuator/migrations}. */
	public static final String STATUS = "status.schema.json";

	/** {@code GET /actuator/migrations/{version}}. */
	public static final String MIGRATION = "migration.schema.json";

	/** The drift report. */
	public static final String DRIFT = "drift.schema.json";

	/** The lint report. */
	public static final String LINT = "lint.schema.json";

	/** {@code GET /actuator/migrations/tenants}. */
	public static final String FLEET_STATUS = "fleet-status.schema.json";

	/** The migrator's document. */
	public static final String MIGRATOR = "migrator.schema.json";

	private static final JsonMapper mapper = JsonMapper.builder()
		.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
		.build();

	private static final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			(builder) -> builder
				.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build())
				.schemas(JsonSchemas::read));

	private static final Map<String, Schema> schemas = new ConcurrentHashMap<>();

	private JsonSchemas() {
	}

	/**
	 * Parses the document and asserts that the named schema accepts it.
	 * @param schema the schema's file name in {@code docs/schemas/}
	 * @param json the document as Strata emitted it
	 * @return the parsed document
	 */
	public static JsonNode assertValid(String schema, String json) {
		JsonNode document = mapper.readTree(json);
		List<Error> errors = errors(schema, document);
		assertThat(errors).as(() -> "%s rejects the document:%n%s%n%s".formatted(schema, describe(errors), json))
			.isEmpty();
		return document;
	}

	/** Parses exactly one JSON document. */
	public static JsonNode parse(String json) {
		return mapper.readTree(json);
	}

	/** What the named schema finds wrong with the document. */
	public static List<Error> errors(String schema, JsonNode document) {
		return schema(schema).validate(document);
	}

	/** The named schema, as the docs ship it. */
	public static Schema schema(String name) {
		return schemas.computeIfAbsent(name, (file) -> {
			Path path = DIRECTORY.resolve(file);
			assertThat(path).as("docs/schemas/" + file).exists();
			Schema schema = registry.getSchema(SchemaLocation.of(path.toUri().toString()));
			schema.initializeValidators();
			return schema;
		});
	}

	/** Every schema file the docs ship. */
	public static List<String> names() throws IOException {
		try (var files = Files.list(DIRECTORY)) {
			return files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".schema.json"))
				.sorted()
				.toList();
		}
	}

	/**
	 * The text of a schema under {@link #DIRECTORY}, by its IRI; {@code null} for any
	 * other, so nothing is fetched from the network.
	 */
	private static @Nullable String read(String iri) {
		if (!iri.startsWith("file:")) {
			return null;
		}
		Path path = Path.of(URI.create(iri)).normalize();
		if (!path.startsWith(DIRECTORY)) {
			return null;
		}
		try {
			return Files.readString(path);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String describe(List<Error> errors) {
		return errors.stream().map((error) -> "  " + error).collect(Collectors.joining("\n"));
	}

}
