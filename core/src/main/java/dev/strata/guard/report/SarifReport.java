package dev.strata.guard.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.strata.guard.Assessment;
import dev.strata.guard.Finding;
import dev.strata.guard.Outcome;
import dev.strata.guard.rules.Rule;

/**
 * SARIF 2.1.0, the format GitHub code scanning reads: every rule of the registry as a reporting
 * descriptor, every refused or warned finding as a result.
 */
final class SarifReport {

	private static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

	private SarifReport() {
	}

	static String render(LintResult result) {
		List<Rule> rules = Arrays.asList(Rule.values());
		List<Object> results = new ArrayList<>();
		result.migrations().forEach((migration) -> migration.assessments().forEach((assessment) -> {
			if (assessment.outcome() != Outcome.ALLOWED) {
				results.add(result(assessment, rules.indexOf(assessment.finding().rule())));
			}
		}));
		Map<String, Object> driver = new LinkedHashMap<>();
		driver.put("name", "Strata");
		driver.put("rules", rules.stream().map(SarifReport::rule).toList());
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("tool", Map.of("driver", driver));
		run.put("results", results);
		Map<String, Object> root = new LinkedHashMap<>();
		root.put("$schema", SCHEMA);
		root.put("version", "2.1.0");
		root.put("runs", List.of(run));
		return Json.write(root);
	}

	private static Map<String, Object> rule(Rule rule) {
		Map<String, Object> descriptor = new LinkedHashMap<>();
		descriptor.put("id", rule.id());
		descriptor.put("shortDescription", Map.of("text", rule.id() + ": " + rule.why()));
		descriptor.put("help", Map.of("text", "Instead: " + rule.safeAlternative() + ". Lock: " + rule.lock()
				+ ". To allow: " + rule.allowDirective()));
		descriptor.put("defaultConfiguration", Map.of("level", level(rule)));
		descriptor.put("properties", Map.of("severity", rule.severity().name(), "lock", rule.lock()));
		return descriptor;
	}

	private static Map<String, Object> result(Assessment assessment, int ruleIndex) {
		Finding finding = assessment.finding();
		String note = assessment.note().isEmpty() ? "" : " (" + assessment.note() + ")";
		Map<String, Object> region = new LinkedHashMap<>();
		region.put("startLine", finding.line());
		region.put("startColumn", finding.column());
		Map<String, Object> physical = new LinkedHashMap<>();
		physical.put("artifactLocation", Map.of("uri", ReportPaths.of(finding.file())));
		physical.put("region", region);
		Map<String, Object> entry = new LinkedHashMap<>();
		entry.put("ruleId", finding.ruleId());
		entry.put("ruleIndex", ruleIndex);
		entry.put("level", (assessment.outcome() == Outcome.REFUSED) ? "error" : "warning");
		entry.put("message", Map.of("text", finding.message() + note + ". Instead: " + finding.safeAlternative()));
		entry.put("locations", List.of(Map.of("physicalLocation", physical)));
		return entry;
	}

	private static String level(Rule rule) {
		return switch (rule.severity()) {
			case DESTRUCTIVE -> "error";
			case LOCKING, INCOMPATIBLE -> "warning";
			case REVIEW -> "note";
		};
	}

}
