package dev.strata.guard.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.strata.guard.Assessment;
import dev.strata.guard.Finding;
import dev.strata.guard.GuardedMigration;

/** The report as one JSON document: verdict, then each migration with its findings. */
final class JsonReport {

	private JsonReport() {
	}

	static String render(LintResult result) {
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("verdict", result.verdict().name());
		root.put("summary", result.verdictLine());
		root.put("scope", result.scope().name().toLowerCase(java.util.Locale.ROOT));
		root.put("sizeAware", result.sizeAware());
		List<Object> migrations = new ArrayList<>();
		for (GuardedMigration migration : result.migrations()) {
			Map<String, Object> entry = new LinkedHashMap<>();
			entry.put("migration", migration.file().displayName());
			entry.put("version", (migration.file().version() != null) ? migration.file().version().toString() : null);
			entry.put("file", migration.file().location());
			entry.put("skipped", migration.skipped());
			entry.put("findings", migration.assessments().stream().map(JsonReport::finding).toList());
			entry.put("warnings", migration.warnings());
			migrations.add(entry);
		}
		root.put("migrations", migrations);
		return Json.write(root);
	}

	private static Map<String, Object> finding(Assessment assessment) {
		Finding finding = assessment.finding();
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("rule", finding.ruleId());
		entry.put("severity", finding.severity().name());
		entry.put("outcome", assessment.outcome().name());
		entry.put("message", finding.message());
		entry.put("file", finding.file());
		entry.put("line", finding.line());
		entry.put("column", finding.column());
		entry.put("statement", finding.statement());
		entry.put("lock", finding.lock());
		entry.put("safeAlternative", finding.safeAlternative());
		entry.put("allowDirective", finding.rule().allowDirective());
		entry.put("note", assessment.note());
		if (assessment.size() != null) {
			entry.put("table", assessment.size().table());
			entry.put("rows", assessment.size().rows());
			entry.put("bytes", assessment.size().bytes());
		}
		return entry;
	}

}
