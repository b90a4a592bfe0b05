package dev.strata.report.lint;

import java.util.Arrays;
import java.util.List;

import dev.strata.guard.Assessment;
import dev.strata.guard.Finding;
import dev.strata.guard.Outcome;
import dev.strata.guard.rules.Rule;
import dev.strata.report.json.JsonWriter;
import dev.strata.guard.report.LintResult;

/**
 * SARIF 2.1.0, the format GitHub code scanning reads: every rule of the registry as a
 * reporting descriptor, every refused or warned finding as a result.
 */
final class SarifReport {

	private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

	private SarifReport() {
	}

	public static String render(LintResult result) {
		List<Rule> rules = Arrays.asList(Rule.values());
		JsonWriter json = new JsonWriter().beginObject().name("$schema").value(SCHEMA).name("version").value("2.1.0");
		json.name("runs").beginArray().beginObject();
		json.name("tool").beginObject().name("driver").beginObject().name("name").value("Strata");
		json.name("rules").beginArray();
		rules.forEach((rule) -> rule(json, rule));
		json.endArray().endObject().endObject();
		json.name("results").beginArray();
		result.migrations().forEach((migration) -> migration.assessments().forEach((assessment) -> {
			if (assessment.outcome() != Outcome.ALLOWED) {
				result(json, assessment, rules.indexOf(assessment.finding().rule()));
			}
		}));
		return json.endArray().endObject().endArray().endObject() + "\n";
	}

	private static void rule(JsonWriter json, Rule rule) {
		json.beginObject().name("id").value(rule.id());
		text(json.name("shortDescription"), rule.id() + ": " + rule.why());
		text(json.name("help"), "Instead: " + rule.safeAlternative() + ". Lock: " + rule.lock() + ". To allow: "
				+ rule.allowDirective());
		json.name("defaultConfiguration").beginObject().name("level").value(level(rule)).endObject();
		json.name("properties")
			.beginObject()
			.name("severity")
			.value(rule.severity().name())
			.name("lock")
			.value(rule.lock())
			.endObject();
		json.endObject();
	}

	private static void result(JsonWriter json, Assessment assessment, int ruleIndex) {
		Finding finding = assessment.finding();
		String note = assessment.note().isEmpty() ? "" : " (" + assessment.note() + ")";
		json.beginObject()
			.name("ruleId")
			.value(finding.ruleId())
			.name("ruleIndex")
			.value(ruleIndex)
			.name("level")
			.value((assessment.outcome() == Outcome.REFUSED) ? "error" : "warning");
		text(json.name("message"), finding.message() + note + ". Instead: " + finding.safeAlternative());
		json.name("locations").beginArray().beginObject().name("physicalLocation").beginObject();
		json.name("artifactLocation").beginObject().name("uri").value(ReportPaths.of(finding.file())).endObject();
		json.name("region")
			.beginObject()
			.name("startLine")
			.value(finding.line())
			.name("startColumn")
			.value(finding.column())
			.endObject();
		json.endObject().endObject().endArray().endObject();
	}

	/** SARIF's message object: {@code {"text": …}}. */
	private static void text(JsonWriter json, String text) {
		json.beginObject().name("text").value(text).endObject();
	}

	private static String level(Rule rule) {
		return switch (rule.severity()) {
			case DESTRUCTIVE -> "error";
			case LOCKING, INCOMPATIBLE -> "warning";
			case REVIEW -> "note";
		};
	}

}
