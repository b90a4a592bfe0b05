package dev.strata.autoconfigure;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.strata.archive.ArchiveKind;
import dev.strata.error.ErrorCategory;
import dev.strata.fleet.TenantState;
import dev.strata.drift.ChangeType;
import dev.strata.drift.DriftState;
import dev.strata.drift.ObjectKind;
import dev.strata.guard.Outcome;
import dev.strata.guard.Severity;
import dev.strata.guard.report.Verdict;
import dev.strata.history.HistoryType;
import dev.strata.plan.MigrationState;
import dev.strata.plan.ValidationProblem;
import dev.strata.status.OverallState;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The schemas in docs/schemas themselves: valid JSON Schema 2020-12, closed (a field the
 * code emits and the schema does not declare fails the tests that validate what Strata
 * emits), and naming the values of Strata's enums, no more and no fewer. The documents
 * are validated where the tests read them: {@code MigratorRun} (every migrator run),
 * {@code StrataActuatorTests}, {@code EndpointOverHttpTests}, {@code JsonReportsTests}.
 */
class JsonSchemasTests {

	private static final String META_SCHEMA = "https://json-schema.org/draft/2020-12/schema";

	@Test
	void everySchemaIsValidJsonSchema() throws Exception {
		assertThat(JsonSchemas.names()).containsExactlyInAnyOrder("common.schema.json", JsonSchemas.DRIFT,
				JsonSchemas.LINT, JsonSchemas.MIGRATION, JsonSchemas.MIGRATOR, JsonSchemas.STATUS,
				JsonSchemas.FLEET_STATUS);
		Schema metaSchema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
			.getSchema(SchemaLocation.of(META_SCHEMA));
		assertThat(metaSchema.validate(JsonSchemas.parse("{ \"type\": 5 }"))).as("the meta-schema checks").isNotEmpty();
		for (String name : JsonSchemas.names()) {
			JsonNode schema = read(name);
			assertThat(schema.get("$schema").asString()).as(name).isEqualTo(META_SCHEMA);
			assertThat(metaSchema.validate(schema)).as(name).isEmpty();
			assertThat(JsonSchemas.schema(name)).as(name).isNotNull();
		}
	}

	@Test
	void everyObjectIsClosed() throws Exception {
		List<String> open = new ArrayList<>();
		for (String name : JsonSchemas.names()) {
			walk(read(name), name, (node, path) -> {
				boolean shape = node.has("properties") && node.has("required");
				boolean closed = isFalse(node.get("additionalProperties"))
						|| isFalse(node.get("unevaluatedProperties"));
				// the one shape other shapes extend; each use closes it
				if (shape && !closed && !path.endsWith("/$defs/migrationFields")) {
					open.add(path);
				}
			});
		}
		assertThat(open).as("object shapes without additionalProperties: false").isEmpty();
	}

	@Test
	void aFieldTheSchemaDoesNotDeclareIsRejected() {
		JsonNode drift = JsonSchemas.assertValid(JsonSchemas.DRIFT, """
				{ "state": "NO_SNAPSHOT", "message": "nothing stored yet", "schemas": ["public"],
				  "checkedAt": "2026-05-04T10:02:10.304611916Z", "durationMs": 3, "serverVersionNum": 170006,
				  "snapshot": null, "changedObjects": -1, "changes": [], "error": null }
				""");
		ObjectNode extra = (ObjectNode) drift.deepCopy();
		extra.put("surprise", true);
		assertThat(JsonSchemas.errors(JsonSchemas.DRIFT, extra)).isNotEmpty();
		ObjectNode missing = (ObjectNode) drift.deepCopy();
		missing.remove("error");
		assertThat(JsonSchemas.errors(JsonSchemas.DRIFT, missing)).isNotEmpty();
		ObjectNode nested = (ObjectNode) drift.deepCopy();
		nested.set("snapshot", JsonSchemas.parse("""
				{ "takenAt": "2026-05-04T09:12:44.305663Z", "reason": "MIGRATE", "postgresMajor": 17, "objects": 46 }
				"""));
		assertThat(JsonSchemas.errors(JsonSchemas.DRIFT, nested)).as("the endpoint's old snapshot shape").isNotEmpty();
	}

	@Test
	void enumsNameTheValuesStrataEmits() throws Exception {
		Map<String, List<String>> expected = Map.ofEntries(
				Map.entry("common.schema.json#/$defs/migrationFields/properties/state", names(MigrationState.values())),
				Map.entry("common.schema.json#/$defs/migrationFields/properties/type", names(HistoryType.values())),
				Map.entry("common.schema.json#/$defs/problem/properties/kind", names(ValidationProblem.Kind.values())),
				Map.entry("common.schema.json#/$defs/finding/properties/severity", names(Severity.values())),
				Map.entry("common.schema.json#/$defs/finding/properties/outcome", names(Outcome.values())),
				Map.entry("drift.schema.json#/properties/state", names(DriftState.values())),
				Map.entry("drift.schema.json#/$defs/change/properties/kind", names(ObjectKind.values())),
				Map.entry("drift.schema.json#/$defs/change/properties/change", names(ChangeType.values())),
				Map.entry("lint.schema.json#/properties/verdict", names(Verdict.values())),
				Map.entry("status.schema.json#/properties/state", names(OverallState.values())),
				Map.entry("migrator.schema.json#/$defs/archive/properties/kind", names(ArchiveKind.values())),
				Map.entry("migrator.schema.json#/properties/error/oneOf/0/properties/category",
						names(ErrorCategory.values())),
				Map.entry("common.schema.json#/$defs/tenant/properties/state", names(TenantState.values())), Map.entry(
						"common.schema.json#/$defs/tenant/properties/category/oneOf/0", names(ErrorCategory.values())));
		for (Map.Entry<String, List<String>> entry : expected.entrySet()) {
			String[] reference = entry.getKey().split("#");
			JsonNode values = read(reference[0]).at(reference[1]).get("enum");
			assertThat(values).as(entry.getKey()).isInstanceOf(ArrayNode.class);
			List<String> named = new ArrayList<>();
			values.forEach((value) -> {
				if (!value.isNull()) {
					named.add(value.asString());
				}
			});
			assertThat(named).as(entry.getKey()).containsExactlyInAnyOrderElementsOf(entry.getValue());
		}
	}

	private static List<String> names(Enum<?>[] values) {
		return Arrays.stream(values).map(Enum::name).toList();
	}

	private static boolean isFalse(JsonNode node) {
		return node != null && node.isBoolean() && !node.asBoolean();
	}

	private static JsonNode read(String name) throws Exception {
		return JsonSchemas.parse(Files.readString(JsonSchemas.DIRECTORY.resolve(name)));
	}

	private static void walk(JsonNode node, String path, Visitor visitor) {
		if (node.isObject()) {
			visitor.visit(node, path);
			for (Map.Entry<String, JsonNode> field : node.properties()) {
				walk(field.getValue(), path + "/" + field.getKey(), visitor);
			}
		}
		else if (node.isArray()) {
			for (int i = 0; i < node.size(); i++) {
				walk(node.get(i), path + "/" + i, visitor);
			}
		}
	}

	@FunctionalInterface
	private interface Visitor {

		void visit(JsonNode node, String path);

	}

}
