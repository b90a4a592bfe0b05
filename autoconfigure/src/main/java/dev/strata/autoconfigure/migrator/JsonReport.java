package dev.strata.autoconfigure.migrator;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.strata.autoconfigure.migrator.MigratorReport.DryRunMigration;
import dev.strata.autoconfigure.migrator.MigratorReport.Migration;
import dev.strata.autoconfigure.migrator.MigratorReport.Problem;
import dev.strata.autoconfigure.migrator.MigratorReport.Statement;
import dev.strata.drift.AttributeChange;
import dev.strata.drift.DriftReport;
import dev.strata.drift.ObjectChange;
import dev.strata.drift.SnapshotInfo;
import dev.strata.guard.Assessment;
import dev.strata.guard.Finding;
import dev.strata.guard.GuardedMigration;
import dev.strata.guard.report.internal.FindingJson;
import dev.strata.guard.report.LintResult;
import dev.strata.json.internal.JsonWriter;
import org.jspecify.annotations.Nullable;

/**
 * Renders a report as the JSON document documented in docs/migrator.md. Field names and
 * order are a public contract: add fields, never rename or remove them without raising
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
				.name("kind")
				.value(problem.kind())
				.name("migration")
				.value(problem.migration())
				.name("detail")
				.value(problem.detail())
				.name("fix")
				.value(problem.fix())
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
		lint(json.name("lint"), report.lint());
		drift(json.name("drift"), report.drift());
		snapshot(json.name("snapshot"), report.snapshot());
		strings(json.name("warnings"), report.warnings());
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
		return json.endObject() + "\n";
	}

	private static void migrations(JsonWriter json, List<Migration> migrations) {
		json.beginArray();
		for (Migration migration : migrations) {
			json.beginObject()
				.name("version")
				.value(migration.version())
				.name("description")
				.value(migration.description())
				.name("script")
				.value(migration.script())
				.name("state")
				.value(migration.state())
				.name("transactional")
				.value(migration.transactional())
				.name("durationMs")
				.value(migration.durationMs())
				.name("installedOn")
				.value(migration.installedOn())
				.endObject();
		}
		json.endArray();
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
			json.beginObject().name("line").value(statement.line()).name("sql").value(statement.sql()).endObject();
		}
		json.endArray().endObject();
	}

	private static void lint(JsonWriter json, @Nullable LintResult lint) {
		if (lint == null) {
			json.nullValue();
			return;
		}
		json.beginObject()
			.name("verdict")
			.value(lint.verdict().name())
			.name("summary")
			.value(lint.verdictLine())
			.name("scope")
			.value(lint.scope().name().toLowerCase(Locale.ROOT))
			.name("sizeAware")
			.value(lint.sizeAware());
		json.name("migrations").beginArray();
		for (GuardedMigration migration : lint.migrations()) {
			String version = (migration.migration().version() != null) ? migration.migration().version().toString()
					: null;
			json.beginObject()
				.name("migration")
				.value(migration.migration().displayName())
				.name("version")
				.value(version)
				.name("script")
				.value(migration.migration().script())
				.name("file")
				.value(migration.migration().location())
				.name("skipped")
				.value(migration.skipped());
			json.name("findings").beginArray();
			for (Assessment assessment : migration.assessments()) {
				finding(json, assessment);
			}
			json.endArray();
			strings(json.name("warnings"), migration.warnings());
			json.endObject();
		}
		json.endArray().endObject();
	}

	private static void finding(JsonWriter json, Assessment assessment) {
		Finding finding = assessment.finding();
		FindingJson.open(json, assessment)
			.name("table")
			.value((assessment.size() != null) ? assessment.size().table() : finding.table())
			.name("rows")
			.value((assessment.size() != null) ? assessment.size().rows() : null)
			.name("bytes")
			.value((assessment.size() != null) ? assessment.size().bytes() : null)
			.endObject();
	}

	private static void drift(JsonWriter json, @Nullable DriftReport drift) {
		if (drift == null) {
			json.nullValue();
			return;
		}
		json.beginObject().name("state").value(drift.state().name()).name("message").value(drift.message());
		strings(json.name("schemas"), drift.schemas());
		json.name("checkedAt")
			.value(drift.checkedAt().toString())
			.name("durationMs")
			.value(drift.duration().toMillis())
			.name("serverVersionNum")
			.value(drift.serverVersionNum());
		snapshot(json.name("snapshot"), drift.snapshot());
		json.name("changedObjects").value(drift.changedObjects());
		json.name("changes").beginArray();
		for (ObjectChange change : drift.changes()) {
			change(json, change);
		}
		json.endArray().endObject();
	}

	private static void change(JsonWriter json, ObjectChange change) {
		json.beginObject()
			.name("kind")
			.value(change.kind().name())
			.name("identity")
			.value(change.identity())
			.name("change")
			.value(change.change().name());
		attributes(json.name("before"), change.before());
		attributes(json.name("after"), change.after());
		json.name("attributes").beginArray();
		for (AttributeChange attribute : change.attributes()) {
			json.beginObject()
				.name("name")
				.value(attribute.name())
				.name("before")
				.value(attribute.before())
				.name("after")
				.value(attribute.after())
				.name("diff")
				.value(attribute.diff())
				.endObject();
		}
		json.endArray();
		json.name("columns").beginArray();
		for (ObjectChange column : change.columns()) {
			change(json, column);
		}
		json.endArray().endObject();
	}

	private static void attributes(JsonWriter json, Map<String, String> attributes) {
		json.beginObject();
		attributes.forEach((name, value) -> json.name(name).value(value));
		json.endObject();
	}

	private static void snapshot(JsonWriter json, @Nullable SnapshotInfo snapshot) {
		if (snapshot == null) {
			json.nullValue();
			return;
		}
		json.beginObject()
			.name("takenAt")
			.value(snapshot.takenAt().toString())
			.name("reason")
			.value(snapshot.reason())
			.name("serverVersionNum")
			.value(snapshot.serverVersionNum())
			.name("formatVersion")
			.value(snapshot.formatVersion())
			.name("schemas")
			.value(snapshot.schemas())
			.name("objectCount")
			.value(snapshot.objectCount())
			.name("totalHash")
			.value(snapshot.totalHash())
			.endObject();
	}

	private static void strings(JsonWriter json, List<String> values) {
		json.beginArray();
		for (String value : values) {
			json.value(value);
		}
		json.endArray();
	}

}
