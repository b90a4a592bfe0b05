package dev.strata.autoconfigure.migrator;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.strata.autoconfigure.migrator.MigratorReport.DryRunMigration;
import dev.strata.autoconfigure.migrator.MigratorReport.Failure;
import dev.strata.autoconfigure.migrator.MigratorReport.Statement;
import dev.strata.autoconfigure.JsonSchemas;
import dev.strata.MigrateResult;
import dev.strata.archive.ArchiveEntry;
import dev.strata.archive.ArchiveKind;
import dev.strata.drift.AttributeChange;
import dev.strata.drift.ChangeType;
import dev.strata.drift.DriftReport;
import dev.strata.drift.DriftState;
import dev.strata.drift.ObjectChange;
import dev.strata.drift.ObjectKind;
import dev.strata.drift.SnapshotInfo;
import dev.strata.error.ErrorCategory;
import dev.strata.execute.SlowStatement;
import dev.strata.fleet.FleetResult;
import dev.strata.fleet.TenantResult;
import dev.strata.fleet.TenantState;
import dev.strata.guard.GuardSettings;
import dev.strata.guard.TableSizes;
import dev.strata.guard.report.Lint;
import dev.strata.report.lint.LintFormat;
import dev.strata.guard.report.LintResult;
import dev.strata.guard.report.LintScope;
import dev.strata.guard.rules.Rule;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.plan.ValidationProblem;
import dev.strata.source.MigrationFile;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;
import dev.strata.report.MigrationEntry;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every JSON document Strata prints (the migrator's, the lint report, SARIF) is read back
 * by a real parser, keeps the text it was given, and keeps the shape it had before the
 * reports shared one writer. The expected documents under {@code json/} were first
 * written by the two writers that came before it (the lint report's {@code Json}, the
 * migrator's {@code JsonWriter}); they changed only where those were wrong: a lone
 * surrogate came out as {@code ?} instead of its escape, and the lint report and SARIF
 * wrote U+2028 raw. Of SARIF only the results are compared: its rules list is the guard's
 * registry, which changes with the guard.
 */
class JsonReportsTests {

	/**
	 * Quote, backslash, control characters, line separator, a lone surrogate, accents and
	 * an emoji.
	 */
	static final String AWKWARD = "a \"b\" \\c\td\u0007 e\u2028f \ud800 é 😀";

	private static final JsonMapper mapper = JsonMapper.builder().build();

	@Test
	void migratorDocumentIsValidJsonWithItsDocumentedShape() throws IOException {
		String json = MigratorJson.render(report());
		JsonNode root = JsonSchemas.assertValid(JsonSchemas.MIGRATOR, json);
		assertThat(names(root)).containsExactly("formatVersion", "command", "outcome", "exitCode", "database", "schema",
				"versionBefore", "versionAfter", "applied", "adopted", "undone", "pending", "migrations", "problems",
				"dryRun", "removedFailed", "realigned", "lint", "drift", "snapshot", "warnings", "slowStatements",
				"fleet", "error", "durationMs", "archives");
		assertThat(root.get("warnings").get(0).asString()).isEqualTo(AWKWARD);
		assertThat(root.get("dryRun").get(0).get("statements").get(0).get("sql").asString()).isEqualTo(AWKWARD);
		assertThat(json).isEqualTo(expected("migrator.json"));
	}

	@Test
	void lintReportIsValidJsonWithItsDocumentedShape() throws IOException {
		String json = LintFormat.JSON.render(lint());
		JsonNode root = JsonSchemas.assertValid(JsonSchemas.LINT, json);
		assertThat(names(root)).containsExactly("verdict", "summary", "scope", "sizeAware", "migrations");
		assertThat(names(root.get("migrations").get(0))).containsExactly("migration", "version", "script", "file",
				"skipped", "findings", "warnings");
		assertThat(root.get("migrations").get(0).get("findings").get(0).get("message").asString())
			.contains(AWKWARD.replace("\"", "\"\""));
		assertThat(json).isEqualTo(expected("lint.json"));
	}

	@Test
	void sarifIsValidJsonWithKeysInTheOrderWritten() throws IOException {
		String json = LintFormat.SARIF.render(lint());
		JsonNode root = mapper.readTree(json);
		assertThat(names(root)).containsExactly("$schema", "version", "runs");
		JsonNode rule = root.get("runs").get(0).get("tool").get("driver").get("rules").get(0);
		assertThat(names(rule)).containsExactly("id", "shortDescription", "help", "defaultConfiguration", "properties");
		assertThat(names(rule.get("properties"))).containsExactly("severity", "lock");
		assertThat(root.get("runs").get(0).get("tool").get("driver").get("rules")).hasSize(Rule.values().length);
		// the rules' texts and order belong to the guard; the results are this report's
		JsonNode rules = root.get("runs").get(0).get("tool").get("driver").get("rules");
		JsonNode results = root.get("runs").get(0).get("results");
		for (JsonNode result : results) {
			assertThat(rules.get(result.get("ruleIndex").asInt()).get("id")).isEqualTo(result.get("ruleId"));
			((ObjectNode) result).remove("ruleIndex");
		}
		assertThat(results).isEqualTo(mapper.readTree(expected("sarif-results.json")));
	}

	static LintResult lint() {
		String sql = "DROP TABLE \"" + AWKWARD.replace("\"", "\"\"") + "\";\nCREATE INDEX ON a (b)";
		SqlMigration file = new SqlMigration(new MigrationFile(MigrationType.VERSIONED, Version.parse("2"), "drop é",
				"V2__drop_é.sql", "classpath:db/migration/V2__drop_é.sql", sql, 0));
		return Lint.of(List.of(file), GuardSettings.DEFAULTS, TableSizes.NONE, LintScope.ALL);
	}

	static MigratorReport report() {
		MigrationEntry applied = new MigrationEntry("1", "init", "V1__init.sql", "SQL", "APPLIED", 123, true, "app",
				Instant.parse("2026-01-02T03:04:05Z"), 12L, true, null, null);
		MigrationEntry pending = new MigrationEntry(null, "views", "R__views.sql", "SQL_REPEATABLE", "PENDING", null,
				null, null, null, null, null, null, null);
		ValidationProblem problem = new ValidationProblem(ValidationProblem.Kind.CHECKSUM_MISMATCH, "V1 (init)",
				AWKWARD, "repair");
		DryRunMigration dryRun = new DryRunMigration("2", "drop é", "V2__drop_é.sql", false,
				"CREATE INDEX CONCURRENTLY", List.of(new Statement(3, AWKWARD)));
		SnapshotInfo snapshot = new SnapshotInfo(Instant.parse("2026-01-02T03:04:05Z"), 170002, 3, "MIGRATE", "public",
				42, "abc");
		Map<String, String> before = new LinkedHashMap<>();
		before.put("type", "integer");
		before.put("nullable", "true");
		ObjectChange column = new ObjectChange(ObjectKind.COLUMN, "id", ChangeType.CHANGED, before,
				Map.of("type", "bigint"), List.of(new AttributeChange("type", "integer", "bigint", null)), List.of());
		ObjectChange table = new ObjectChange(ObjectKind.TABLE, "public.t", ChangeType.REMOVED, before, Map.of(),
				List.of(), List.of(column));
		DriftReport drift = new DriftReport(DriftState.DRIFTED, "drifted", List.of("public"),
				Instant.parse("2026-01-02T03:04:06Z"), Duration.ofMillis(7), 170002, snapshot, List.of(table));
		// every field filled, so no command's own rules (migrator.schema.json) apply
		MigrateResult.Adopted adopted = new MigrateResult.Adopted("flyway_schema_history", 12, 2, 1, "1", 1,
				Duration.ofMillis(35));
		return new MigratorReport("every-field", 4, "app", "public", "1", null, List.of(applied), adopted,
				List.of(MigrationEntry.undone(
						new MigrateResult.AppliedReport("3", "lines", "U3__lines.sql", false, Duration.ofMillis(7)))),
				List.of(pending), List.of(applied, pending), List.of(problem), List.of(dryRun), List.of(),
				List.of("V1 (init)"), lint(), LintFormat.JSON, drift, snapshot, List.of(AWKWARD),
				List.of(new SlowStatement("V2 (drop é)", "V2__drop_é.sql", 3, Duration.ofMillis(25302),
						"CREATE INDEX: building index: scanning table")),
				new FleetResult(List.of(
						new TenantResult("acme", "acme", TenantState.APPLIED, 2, 0, "2", Duration.ofMillis(40), null,
								null),
						new TenantResult("globex", "globex", TenantState.FAILED, 0, 0, null, Duration.ofMillis(12),
								AWKWARD, ErrorCategory.MIGRATION_FAILED)),
						Duration.ofMillis(60)),
				new Failure("REFUSED", AWKWARD), 99,
				List.of(new ArchiveEntry(3, "12", "V12__retire.sql", 4, ArchiveKind.DROPPED_COLUMN, "public", "orders",
						"note", "v12__orders__note", List.of("id"), 500, 65536, AWKWARD,
						Instant.parse("2026-01-02T03:04:07Z"), null)));
	}

	private static List<String> names(JsonNode node) {
		List<String> names = new ArrayList<>();
		Iterator<String> iterator = node.propertyNames().iterator();
		iterator.forEachRemaining(names::add);
		return names;
	}

	private static String expected(String name) throws IOException {
		try (InputStream in = JsonReportsTests.class.getResourceAsStream("/json/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
