package dev.strata.guard.report.internal;

import java.util.Locale;

import dev.strata.guard.Assessment;
import dev.strata.guard.GuardedMigration;
import dev.strata.json.internal.JsonWriter;
import dev.strata.guard.report.LintResult;

/** The report as one JSON document: verdict, then each migration with its findings. */
public final class JsonReport {

	private JsonReport() {
	}

	public static String render(LintResult result) {
		JsonWriter json = new JsonWriter().beginObject()
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
				.name("file")
				.value(migration.migration().location())
				.name("skipped")
				.value(migration.skipped());
			json.name("findings").beginArray();
			for (Assessment assessment : migration.assessments()) {
				finding(json, assessment);
			}
			json.endArray();
			json.name("warnings").beginArray();
			migration.warnings().forEach(json::value);
			json.endArray().endObject();
		}
		return json.endArray().endObject() + "\n";
	}

	private static void finding(JsonWriter json, Assessment assessment) {
		FindingJson.open(json, assessment);
		if (assessment.size() != null) {
			json.name("table")
				.value(assessment.size().table())
				.name("rows")
				.value(assessment.size().rows())
				.name("bytes")
				.value(assessment.size().bytes());
		}
		json.endObject();
	}

}
