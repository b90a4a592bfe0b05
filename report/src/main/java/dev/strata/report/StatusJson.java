package dev.strata.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import dev.strata.StatusResult;
import dev.strata.drift.AttributeChange;
import dev.strata.drift.DriftReport;
import dev.strata.drift.ObjectChange;
import dev.strata.drift.SnapshotInfo;
import dev.strata.execute.LockHolder;
import dev.strata.report.json.JsonWriter;
import dev.strata.plan.MigrationState;
import dev.strata.plan.MigrationStatus;
import dev.strata.plan.ValidationProblem;
import dev.strata.sql.SqlStatement;
import dev.strata.status.DriftCheck;
import dev.strata.status.MigrationProgress;
import dev.strata.status.MigrationReview;
import dev.strata.status.StatusSnapshot;
import org.jspecify.annotations.Nullable;

/**
 * The status and drift reports as JSON: the one place that writes them, for the Actuator
 * endpoint and the migrator alike, so that a report has one shape wherever it is printed
 * or served. Each shape is described by a schema under {@code docs/schemas/}; a field
 * added here is added there too, or the tests that validate every document fail.
 */
public final class StatusJson {

	private StatusJson() {
	}

	/**
	 * {@code GET /actuator/migrations} ({@code status.schema.json}): every field is
	 * present, {@code null} when it has no value.
	 */
	public static String status(StatusSnapshot snapshot) {
		StatusResult status = snapshot.status();
		JsonWriter json = new JsonWriter().beginObject()
			.name("state")
			.value(snapshot.state().name())
			.name("takenAt")
			.value(instant(snapshot.takenAt()))
			.name("schema")
			.value((status != null) ? status.schema() : null)
			.name("currentVersion")
			.value((status != null) ? status.currentVersion() : null);
		json.name("applied").beginArray();
		if (status != null) {
			for (MigrationStatus migration : status.migrations()) {
				if (migration.applied() != null && migration.state() != MigrationState.SUPERSEDED) {
					MigrationEntry.of(migration).write(json);
				}
			}
		}
		json.endArray().name("pending").beginArray();
		if (status != null) {
			for (MigrationStatus migration : status.pending()) {
				MigrationEntry.judged(migration, snapshot.review(migration.migration()).orElse(null)).write(json);
			}
		}
		problems(json.endArray().name("problems"), (status != null) ? status.problems() : List.of());
		lock(json.name("lock"), snapshot.lockHolder());
		progress(json.name("progress"), snapshot.progress());
		json.name("error").value(snapshot.error());
		drift(json.name("drift"), snapshot.drift());
		return json.endObject() + "\n";
	}

	/**
	 * {@code GET /actuator/migrations/{version}} ({@code migration.schema.json}): the
	 * migration with its findings, and its statements with the line each starts on.
	 */
	public static String migration(MigrationStatus status, @Nullable MigrationReview review) {
		JsonWriter json = MigrationEntry.judged(status, review).fields(new JsonWriter().beginObject());
		json.name("statements").beginArray();
		if (review != null) {
			for (SqlStatement statement : review.statements()) {
				statement(json, statement.line(), statement.text());
			}
		}
		json.endArray().name("error").value((review != null) ? review.splitError() : null);
		return json.endObject() + "\n";
	}

	/**
	 * The drift report as a document of its own ({@code drift.schema.json}), as
	 * {@code GET /actuator/migrations/drift} serves it.
	 */
	public static String drift(DriftCheck check) {
		return drift(new JsonWriter(), check) + "\n";
	}

	/**
	 * Writes the drift report as one object: the last successful check with every object
	 * that differs, and why the latest attempt failed, if it did. Without a successful
	 * check, its fields are {@code null} (and {@code changedObjects} {@code -1}).
	 */
	public static JsonWriter drift(JsonWriter json, DriftCheck check) {
		DriftReport report = check.report();
		json.beginObject()
			.name("state")
			.value((report != null) ? report.state().name() : null)
			.name("message")
			.value((report != null) ? report.message() : null);
		json.name("schemas").beginArray();
		if (report != null) {
			report.schemas().forEach(json::value);
		}
		json.endArray()
			.name("checkedAt")
			.value((report != null) ? instant(report.checkedAt()) : null)
			.name("durationMs")
			.value((report != null) ? report.duration().toMillis() : null)
			.name("serverVersionNum")
			.value((report != null) ? report.serverVersionNum() : null);
		snapshot(json.name("snapshot"), (report != null) ? report.snapshot() : null);
		json.name("changedObjects").value(check.changedObjects());
		json.name("changes").beginArray();
		if (report != null) {
			for (ObjectChange change : report.changes()) {
				change(json, change);
			}
		}
		return json.endArray().name("error").value(check.error()).endObject();
	}

	/** Writes the stored snapshot's header, or {@code null}. */
	public static JsonWriter snapshot(JsonWriter json, @Nullable SnapshotInfo snapshot) {
		if (snapshot == null) {
			return json.nullValue();
		}
		return json.beginObject()
			.name("takenAt")
			.value(instant(snapshot.takenAt()))
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

	/** Writes the problems as an array. */
	public static JsonWriter problems(JsonWriter json, List<ValidationProblem> problems) {
		json.beginArray();
		for (ValidationProblem problem : problems) {
			json.beginObject()
				.name("kind")
				.value(problem.kind().name())
				.name("migration")
				.value(problem.migration())
				.name("detail")
				.value(problem.detail())
				.name("fix")
				.value(problem.fix())
				.endObject();
		}
		return json.endArray();
	}

	/** Writes migrations as an array. */
	public static JsonWriter migrations(JsonWriter json, List<MigrationEntry> migrations) {
		json.beginArray();
		migrations.forEach((migration) -> migration.write(json));
		return json.endArray();
	}

	/** Writes one statement of a migration: the line it starts on and its text. */
	public static JsonWriter statement(JsonWriter json, int line, String sql) {
		return json.beginObject().name("line").value(line).name("sql").value(sql).endObject();
	}

	private static void lock(JsonWriter json, @Nullable LockHolder holder) {
		json.beginObject()
			.name("held")
			.value(holder != null)
			.name("pid")
			.value((holder != null) ? holder.pid() : null)
			.name("applicationName")
			.value((holder != null) ? holder.applicationName() : null)
			.name("since")
			.value((holder != null) ? instant(holder.since()) : null)
			.name("mode")
			.value((holder != null) ? holder.mode().name().toLowerCase(Locale.ROOT) : null)
			.name("expires")
			.value((holder != null) ? instant(holder.expires()) : null)
			.endObject();
	}

	private static void progress(JsonWriter json, MigrationProgress.@Nullable Progress progress) {
		if (progress == null) {
			json.nullValue();
			return;
		}
		json.beginObject()
			.name("done")
			.value(progress.done())
			.name("total")
			.value(progress.total())
			.name("current")
			.value(progress.current())
			.name("since")
			.value(instant(progress.since()))
			.endObject();
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
		json.endArray().name("columns").beginArray();
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

	private static @Nullable String instant(@Nullable Instant instant) {
		return (instant != null) ? instant.toString() : null;
	}

}
