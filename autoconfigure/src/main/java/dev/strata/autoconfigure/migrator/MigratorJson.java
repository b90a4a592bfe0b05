package dev.strata.autoconfigure.migrator;

import java.util.List;

import dev.strata.MigrateResult;
import dev.strata.archive.ArchiveEntry;
import dev.strata.autoconfigure.migrator.MigratorReport.DryRunMigration;
import dev.strata.autoconfigure.migrator.MigratorReport.Statement;
import dev.strata.execute.SlowStatement;
import dev.strata.report.lint.JsonReport;
import dev.strata.report.json.JsonWriter;
import dev.strata.status.DriftCheck;
import dev.strata.report.FleetJson;
import dev.strata.report.StatusJson;
import org.jspecify.annotations.Nullable;

/**
 * Renders a report as the JSON document documented in docs/migrator.md and described by
 * docs/schemas/migrator.schema.json. Field names and order are a public contract: add
 * fields, never rename or remove them without raising
 * {@link MigratorReport#FORMAT_VERSION}. The reports inside it (migrations, problems,
 * lint, drift, snapshot) are written by the same code as wherever else they are printed
 * or served.
 */
final class MigratorJson {

	private MigratorJson() {
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
		StatusJson.migrations(json.name("applied"), report.applied());
		adopted(json.name("adopted"), report.adopted());
		StatusJson.migrations(json.name("undone"), report.undone());
		StatusJson.migrations(json.name("pending"), report.pending());
		StatusJson.migrations(json.name("migrations"), report.migrations());
		StatusJson.problems(json.name("problems"), report.problems());
		json.name("dryRun").beginArray();
		for (DryRunMigration migration : report.dryRun()) {
			dryRun(json, migration);
		}
		json.endArray();
		strings(json.name("removedFailed"), report.removedFailed());
		strings(json.name("realigned"), report.realigned());
		json.name("lint");
		if (report.lint() != null) {
			JsonReport.write(json, report.lint());
		}
		else {
			json.nullValue();
		}
		json.name("drift");
		if (report.drift() != null) {
			StatusJson.drift(json, new DriftCheck(report.drift(), null));
		}
		else {
			json.nullValue();
		}
		StatusJson.snapshot(json.name("snapshot"), report.snapshot());
		strings(json.name("warnings"), report.warnings());
		json.name("slowStatements").beginArray();
		for (SlowStatement slow : report.slowStatements()) {
			json.beginObject()
				.name("migration")
				.value(slow.migration())
				.name("script")
				.value(slow.script())
				.name("line")
				.value(slow.line())
				.name("elapsedMs")
				.value(slow.elapsed().toMillis())
				.name("phase")
				.value(slow.phase())
				.endObject();
		}
		json.endArray();
		json.name("fleet");
		if (report.fleet() != null) {
			FleetJson.write(json, report.fleet());
		}
		else {
			json.nullValue();
		}
		json.name("error");
		if (report.error() != null) {
			json.beginObject()
				.name("category")
				.value(report.error().category())
				.name("message")
				.value(report.error().message())
				.endObject();
		}
		else {
			json.nullValue();
		}
		json.name("durationMs").value(report.durationMs());
		json.name("archives").beginArray();
		report.archives().forEach((archive) -> archive(json, archive));
		json.endArray();
		return json.endObject() + "\n";
	}

	private static void archive(JsonWriter json, ArchiveEntry archive) {
		json.beginObject()
			.name("id")
			.value(archive.id())
			.name("version")
			.value(archive.version())
			.name("script")
			.value(archive.script())
			.name("line")
			.value(archive.line())
			.name("kind")
			.value(archive.kind().name())
			.name("object")
			.value(archive.object())
			.name("archiveTable")
			.value(archive.archiveTable())
			.name("keyColumns");
		strings(json, archive.keyColumns());
		json.name("rows")
			.value(archive.rows())
			.name("bytes")
			.value(archive.bytes())
			.name("note")
			.value(archive.note())
			.name("archivedAt")
			.value(archive.archivedAt().toString())
			.name("restoredAt")
			.value((archive.restoredAt() != null) ? archive.restoredAt().toString() : null)
			.endObject();
	}

	private static void adopted(JsonWriter json, MigrateResult.@Nullable Adopted adopted) {
		if (adopted == null) {
			json.nullValue();
			return;
		}
		json.beginObject()
			.name("flywayTable")
			.value(adopted.flywayTable())
			.name("versioned")
			.value(adopted.versioned())
			.name("repeatable")
			.value(adopted.repeatable())
			.name("java")
			.value(adopted.java())
			.name("baselineVersion")
			.value(adopted.baselineVersion())
			.name("skipped")
			.value(adopted.skipped())
			.name("durationMs")
			.value(adopted.duration().toMillis())
			.endObject();
	}

	private static void dryRun(JsonWriter json, DryRunMigration migration) {
		json.beginObject()
			.name("version")
			.value(migration.version())
			.name("description")
			.value(migration.description())
			.name("script")
			.value(migration.script())
			.name("transactional")
			.value(migration.transactional())
			.name("nonTransactionalReason")
			.value(migration.nonTransactionalReason());
		json.name("statements").beginArray();
		for (Statement statement : migration.statements()) {
			StatusJson.statement(json, statement.line(), statement.sql());
		}
		json.endArray().endObject();
	}

	private static void strings(JsonWriter json, List<String> values) {
		json.beginArray();
		values.forEach(json::value);
		json.endArray();
	}

}
