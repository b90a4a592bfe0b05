package dev.strata.guard.rules.internal;

import java.util.List;

import dev.strata.guard.Finding;
import dev.strata.sql.SqlScript;

/** Test helper: the rule ids the recogniser reports for a script, in order. */
final class Recognise {

	private Recognise() {
	}

	static List<String> rules(String sql) {
		return findings(sql).stream().map(Finding::ruleId).toList();
	}

	static List<Finding> findings(String sql) {
		return new StatementRecogniser().findings("V1__test.sql", SqlScript.parse("V1__test.sql", sql).statements());
	}

}
