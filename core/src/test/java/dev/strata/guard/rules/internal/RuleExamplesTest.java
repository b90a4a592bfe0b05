package dev.strata.guard.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import dev.strata.sql.SqlScript;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import dev.strata.guard.rules.Rule;

/**
 * Every rule has its own examples, {@code guard/rules/<rule-id>.sql}, squawk-style: cases
 * it must find and near misses it must pass. Each case is a migration of its own, so a
 * case can set up what it needs (a table created in the same migration) without leaking
 * into the next.
 */
class RuleExamplesTest {

	@ParameterizedTest
	@EnumSource(Rule.class)
	void everyRuleFindsItsExamplesAndPassesItsNearMisses(Rule rule) throws IOException {
		List<Case> cases = cases(rule);
		assertThat(cases).as("finds cases of " + rule.id()).anyMatch(Case::finds);
		for (Case example : cases) {
			List<String> found = Recognise.rules(example.sql());
			if (example.finds()) {
				assertThat(found).as(rule.id() + " finds: " + example.sql()).contains(rule.id());
			}
			else {
				assertThat(found).as(rule.id() + " passes: " + example.sql()).doesNotContain(rule.id());
			}
		}
	}

	private static List<Case> cases(Rule rule) throws IOException {
		String resource = "/guard/rules/" + rule.id() + ".sql";
		String text;
		try (InputStream in = RuleExamplesTest.class.getResourceAsStream(resource)) {
			assertThat(in).as(resource).isNotNull();
			text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		List<Case> cases = new ArrayList<>();
		Boolean finds = null;
		StringBuilder sql = new StringBuilder();
		for (String line : text.split("\n", -1)) {
			boolean findsMarker = line.startsWith("-- finds");
			if (findsMarker || line.startsWith("-- passes")) {
				add(cases, finds, sql);
				finds = findsMarker;
				sql.setLength(0);
			}
			else if (finds != null) {
				sql.append(line).append('\n');
			}
		}
		add(cases, finds, sql);
		return cases;
	}

	private static void add(List<Case> cases, Boolean finds, StringBuilder sql) {
		if (finds != null && !sql.toString().isBlank()) {
			SqlScript.parse("V1__test.sql", sql.toString()); // a case that does not parse
																// fails here, named
			cases.add(new Case(finds, sql.toString().strip()));
		}
	}

	private record Case(boolean finds, String sql) {
	}

}
