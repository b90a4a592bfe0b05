package dev.strata.report.lint;

import java.util.Locale;

import dev.strata.guard.Assessment;
import dev.strata.guard.GuardedMigration;
import dev.strata.guard.report.LintResult;
import dev.strata.report.FindingJson;
import dev.strata.report.json.JsonWriter;

/**
 * The lint report as JSON: the verdict, then each migration with its findings. The one
 * place that writes it, for {@code strata.lint.format=json} and the migrator's
 * {@code lint} field alike ({@code docs/schemas/lint.schema.json}).
 */
public final class JsonReport {

	private JsonReport() {
	}

	/** The report as a document of its own. */
	public static String render(LintResult result) {
		return write(new JsonWriter(), result) + "\n";
	}

	/** Writes the report as one object, where {@code json} expects a value. */
	public static JsonWriter write(JsonWriter json, LintResult result) {
		json.beginObject()
			.name("verdict")
			.value(result.verdict().name())
			.name("summary")
			.value(result.verdictLine())
			.name("scope")
			.value(result.scope().name().toLowerCase(Locale.ROOT))
			.name("sizeAware")
			.value(result.sizeAware());
		json.name("migrations").beginArray();
		for (GuardedMigration migration : result.migrations()) {
			json.beginObject()
				.name("migration")
				.value(migration.migration().displayName())
				.name("version")
				.value((migration.migration().version() != null) ? migration.migration().version().toString() : null)
				.name("script")
				.value(migration.migration().script())
				.name("file")
				.value(migration.migration().location())
				.name("skipped")
				.value(migration.skipped());
			json.name("findings").beginArray();
			for (Assessment assessment : migration.assessments()) {
				FindingJson.write(json, assessment);
			}
			json.endArray();
			json.name("warnings").beginArray();
			migration.warnings().forEach(json::value);
			json.endArray().endObject();
		}
		return json.endArray().endObject();
	}

}
