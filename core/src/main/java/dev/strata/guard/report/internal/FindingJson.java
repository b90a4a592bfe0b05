package dev.strata.guard.report.internal;

import dev.strata.guard.Assessment;
import dev.strata.guard.Finding;
import dev.strata.json.internal.JsonWriter;

/**
 * A finding as JSON, the same in the lint report and the migrator's document: each adds
 * what it knows of the table's size and closes the object.
 */
public final class FindingJson {

	private FindingJson() {
	}

	/** Opens the finding's object and writes every field but the table's size. */
	public static JsonWriter open(JsonWriter json, Assessment assessment) {
		Finding finding = assessment.finding();
		return json.beginObject()
			.name("rule")
			.value(finding.ruleId())
			.name("severity")
			.value(finding.severity().name())
			.name("outcome")
			.value(assessment.outcome().name())
			.name("message")
			.value(finding.message())
			.name("file")
			.value(finding.file())
			.name("line")
			.value(finding.line())
			.name("column")
			.value(finding.column())
			.name("statement")
			.value(finding.statement())
			.name("lock")
			.value(finding.lock())
			.name("safeAlternative")
			.value(finding.safeAlternative())
			.name("allowDirective")
			.value(finding.rule().allowDirective())
			.name("note")
			.value(assessment.note());
	}

}
