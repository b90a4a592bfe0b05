package dev.strata.report;

import java.time.Instant;
import java.util.List;

import dev.strata.MigrateResult;
import dev.strata.guard.Assessment;
import dev.strata.report.FindingJson;
import dev.strata.history.AppliedMigration;
import dev.strata.history.HistoryType;
import dev.strata.report.json.JsonWriter;
import dev.strata.migration.Migration;
import dev.strata.plan.MigrationState;
import dev.strata.plan.MigrationStatus;
import dev.strata.source.MigrationNames;
import dev.strata.status.MigrationReview;
import org.jspecify.annotations.Nullable;

/**
 * A migration as every report lists it: the migrator's {@code applied}, {@code pending}
 * and {@code migrations}, and the endpoint's {@code applied}, {@code pending} and single
 * migration ({@code docs/schemas/common.schema.json#/$defs/migration}). What a report
 * does not know is {@code null}.
 *
 * @param version the version, {@code null} for a repeatable migration
 * @param description the description
 * @param script the file
 * @param type the history's type ({@code SQL}, {@code SQL_REPEATABLE}, {@code BASELINE},
 * …): the row's, or the one the migration will record
 * @param state its state
 * @param checksum the checksum the history recorded
 * @param transactional whether it ran (or runs) in one transaction
 * @param installedBy the database user that applied it
 * @param installedOn when it was applied
 * @param executionTimeMs how long applying it took
 * @param success whether the history records it as complete
 * @param findings the guard's findings, where the report judged the file; {@code null}
 * where it did not
 * @param guardError why the guard could not judge the file
 */
public record MigrationEntry(@Nullable String version, String description, String script, @Nullable String type,
		String state, @Nullable Integer checksum, @Nullable Boolean transactional, @Nullable String installedBy,
		@Nullable Instant installedOn, @Nullable Long executionTimeMs, @Nullable Boolean success,
		@Nullable List<Assessment> findings, @Nullable String guardError) {

	/** A migration of the plan, with what the history knows of it. */
	public static MigrationEntry of(MigrationStatus status) {
		return of(status, null, false);
	}

	/**
	 * A migration of the plan with the guard's findings (empty when it has no file to
	 * judge).
	 */
	public static MigrationEntry judged(MigrationStatus status, @Nullable MigrationReview review) {
		return of(status, review, true);
	}

	private static MigrationEntry of(MigrationStatus status, @Nullable MigrationReview review, boolean judged) {
		AppliedMigration row = status.applied();
		Migration file = status.migration();
		String type = (row != null) ? row.type().name()
				: (file != null) ? HistoryType.of(file.kind(), file.type()).name() : null;
		List<Assessment> findings = judged ? ((review != null) ? review.assessments() : List.of()) : null;
		return new MigrationEntry(status.version(), status.description(), status.script(), type, status.state().name(),
				(row != null) ? row.checksum() : null, (row != null) ? row.transactional() : null,
				(row != null) ? row.installedBy() : null, (row != null) ? row.installedOn() : null,
				(row != null) ? (long) row.executionTimeMs() : null, (row != null) ? row.success() : null, findings,
				(review != null) ? review.error() : null);
	}

	/** A migration {@code migrate} just applied. */
	public static MigrationEntry applied(MigrateResult.AppliedReport applied) {
		return new MigrationEntry(applied.version(), applied.description(), applied.script(), null,
				MigrationState.APPLIED.name(), null, applied.transactional(), null, null, applied.duration().toMillis(),
				true, null, null);
	}

	/** An undo file {@code undo} just ran, recorded as {@code UNDO_SQL}. */
	public static MigrationEntry undone(MigrateResult.AppliedReport undone) {
		return new MigrationEntry(undone.version(), undone.description(), undone.script(), HistoryType.UNDO_SQL.name(),
				MigrationState.UNDONE.name(), null, undone.transactional(), null, null, undone.duration().toMillis(),
				true, null, null);
	}

	/**
	 * {@code V3 (add orders)}, {@code R (views)} or, for an undo,
	 * {@code U3 (drop orders)}.
	 */
	public String displayName() {
		if (HistoryType.UNDO_SQL.name().equals(this.type) && this.version != null) {
			return MigrationNames.undo(this.version, this.description);
		}
		return MigrationNames.display(this.version, this.description);
	}

	/** Writes it as one object. */
	public JsonWriter write(JsonWriter json) {
		return fields(json.beginObject()).endObject();
	}

	/**
	 * Writes its fields into the object {@code json} has open, for a document that adds
	 * its own.
	 */
	public JsonWriter fields(JsonWriter json) {
		json.name("version")
			.value(this.version)
			.name("description")
			.value(this.description)
			.name("script")
			.value(this.script)
			.name("type")
			.value(this.type)
			.name("state")
			.value(this.state)
			.name("checksum")
			.value(this.checksum)
			.name("transactional")
			.value(this.transactional)
			.name("installedBy")
			.value(this.installedBy)
			.name("installedOn")
			.value((this.installedOn != null) ? this.installedOn.toString() : null);
		json.name("executionTimeMs").value(this.executionTimeMs).name("success").value(this.success);
		json.name("findings");
		if (this.findings != null) {
			json.beginArray();
			for (Assessment assessment : this.findings) {
				FindingJson.write(json, assessment);
			}
			json.endArray();
		}
		else {
			json.nullValue();
		}
		return json.name("guardError").value(this.guardError);
	}

}
