package dev.strata.guard.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import dev.strata.guard.Finding;
import dev.strata.sql.SqlScript;
import dev.strata.sql.SqlStatement;
import dev.strata.sql.Token;
import org.junit.jupiter.api.Test;
import dev.strata.guard.rules.Rule;

/**
 * Runs the recogniser over guard/corpus.sql, where every statement is preceded by
 * {@code -- expect: rule[, rule]} or {@code -- expect: none}, and reports every mismatch
 * at once.
 */
class CorpusTest {

	private static final String EXPECT = "-- expect:";

	@Test
	void everyStatementHasTheExpectedFindings() throws IOException {
		SqlScript script = SqlScript.parse("corpus.sql", read("/guard/corpus.sql"));
		List<SqlStatement> statements = script.statements();
		List<List<Finding>> findings = new StatementRecogniser().perStatement("corpus.sql", statements);
		List<String> mismatches = new ArrayList<>();
		for (int i = 0; i < statements.size(); i++) {
			SqlStatement statement = statements.get(i);
			List<String> expected = expected(statement);
			List<String> actual = findings.get(i).stream().map(Finding::ruleId).toList();
			if (!actual.equals(expected)) {
				mismatches.add("line " + statement.line() + ": expected " + expected + " but found " + actual + " in "
						+ statement.abbreviated(100));
			}
		}
		assertThat(statements).hasSizeGreaterThanOrEqualTo(200);
		assertThat(mismatches).isEmpty();
	}

	@Test
	void theCorpusCoversEveryRule() throws IOException {
		String corpus = read("/guard/corpus.sql");
		for (Rule rule : Rule.values()) {
			assertThat(corpus).as(rule.id()).containsPattern("-- expect: .*\\b" + rule.id() + "\\b");
		}
	}

	private static List<String> expected(SqlStatement statement) {
		List<Token> comments = statement.leadingComments();
		for (int i = comments.size() - 1; i >= 0; i--) {
			String text = comments.get(i).text();
			if (text.startsWith(EXPECT)) {
				String ids = text.substring(EXPECT.length()).trim();
				return ids.equals("none") ? List.of() : Arrays.stream(ids.split(",")).map(String::trim).toList();
			}
		}
		throw new AssertionError("no '-- expect:' above line " + statement.line());
	}

	private static String read(String resource) throws IOException {
		try (InputStream in = CorpusTest.class.getResourceAsStream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}
