package dev.strata.report;

import dev.strata.guard.Assessment;
import dev.strata.guard.Finding;
import dev.strata.guard.TableSize;
import dev.strata.report.json.JsonWriter;

/**
 * A finding as JSON, the one shape every report gives it: the lint report, the migrator's
 * document and the status views ({@code docs/schemas/common.schema.json#/$defs/finding}).
 */
public final class FindingJson {

	private FindingJson() {
	}

	/**
	 * Writes the finding as one object; {@code rows} and {@code bytes} are {@code null}
	 * when the guard did not ask for the table's size.
	 */
	public static JsonWriter write(JsonWriter json, Assessment assessment) {
		Finding finding = assessment.finding();
		TableSize size = assessment.size();
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
			.value(assessment.note())
			.name("table")
			.value((size != null) ? size.table() : finding.table())
			.name("rows")
			.value((size != null) ? size.rows() : null)
			.name("bytes")
			.value((size != null) ? size.bytes() : null)
			.endObject();
	}

}
