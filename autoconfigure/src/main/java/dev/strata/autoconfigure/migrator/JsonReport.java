package dev.strata.autoconfigure.migrator;

import java.util.List;

import dev.strata.autoconfigure.migrator.MigratorReport.DryRunMigration;
import dev.strata.autoconfigure.migrator.MigratorReport.Migration;
import dev.strata.autoconfigure.migrator.MigratorReport.Problem;
import dev.strata.autoconfigure.migrator.MigratorReport.Statement;

/**
 * Renders a report as the JSON document documented in docs/migrator.md. Field names and order are
 * a public contract: add fields, never rename or remove them without raising
 * {@link MigratorReport#FORMAT_VERSION}.
 */
final class JsonReport {

	private JsonReport() {
	}

	static String render(MigratorReport report) {
		JsonWriter json = new JsonWriter().beginObject();
		json.name("formatVersion").value(MigratorReport.FORMAT_VERSION);
		json.name("command").value(report.command());
		json.name("outcome").value(report.outcome());
		json.name("exitCode").value(report.exitCode());
		json.name("database").value(report.database());
		json.name("schema").value(report.schema());
		json.name("versionBefore").value(report.versionBefore());
		json.name("versionAfter").value(report.versionAfter());
		migrations(json.name("applied"), report.applied());
		migrations(json.name("pending"), report.pending());
		migrations(json.name("migrations"), report.migrations());
		json.name("problems").beginArray();
		for (Problem problem : report.problems()) {
			json.beginObject()
				.name("kind").value(problem.kind())
				.name("migration").value(problem.migration())
				.name("detail").value(problem.detail())
				.name("fix").value(problem.fix())
				.endObject();
		}
		json.endArray();
		json.name("dryRun").beginArray();
		for (DryRunMigration migration : report.dryRun()) {
			dryRun(json, migration);
		}
		json.endArray();
		strings(json.name("removedFailed"), report.removedFailed());
		strings(json.name("realigned"), report.realigned());
		strings(json.name("warnings"), report.warnings());
		json.name("error");
		if (report.error() != null) {
			json.beginObject()
				.name("category").value(report.error().category())
				.name("message").value(report.error().message())
				.endObject();
		}
		else {
			json.nullValue();
		}
		json.name("durationMs").value(report.durationMs());
		return json.endObject() + "\n";
	}

	private static void migrations(JsonWriter json, List<Migration> migrations) {
		json.beginArray();
		for (Migration migration : migrations) {
			json.beginObject()
				.name("version").value(migration.version())
				.name("description").value(migration.description())
				.name("script").value(migration.script())
				.name("state").value(migration.state())
				.name("transactional").value(migration.transactional())
				.name("durationMs").value(migration.durationMs())
				.name("installedOn").value(migration.installedOn())
				.endObject();
		}
		json.endArray();
	}

	private static void dryRun(JsonWriter json, DryRunMigration migration) {
		json.beginObject()
			.name("version").value(migration.version())
			.name("description").value(migration.description())
			.name("script").value(migration.script())
			.name("transactional").value(migration.transactional())
			.name("nonTransactionalReason").value(migration.nonTransactionalReason());
		json.name("statements").beginArray();
		for (Statement statement : migration.statements()) {
			json.beginObject().name("line").value(statement.line()).name("sql").value(statement.sql()).endObject();
		}
		json.endArray().endObject();
	}

	private static void strings(JsonWriter json, List<String> values) {
		json.beginArray();
		for (String value : values) {
			json.value(value);
		}
		json.endArray();
	}

}
