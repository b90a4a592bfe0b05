package dev.strata.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import dev.strata.sql.internal.SqlLexer;

class SqlStatementTest {

	private static SqlStatement statement(String sql) {
		List<SqlStatement> statements = SqlScript.parse("test.sql", sql).statements();
		assertThat(statements).hasSize(1);
		return statements.get(0);
	}

	@Test
	void keywordIsUpperCasedWordText() {
		SqlStatement statement = statement("drop table if exists t");
		assertThat(statement.keyword(0)).isEqualTo("DROP");
		assertThat(statement.keyword(3)).isEqualTo("EXISTS");
	}

	@Test
	void keywordIsNullForNonWordsAndOutOfRange() {
		SqlStatement statement = statement("alter table \"T\" add column x int default 'a'");
		assertThat(statement.keyword(2)).isNull();
		assertThat(statement.keyword(8)).isNull();
		assertThat(statement.keyword(9)).isNull();
		assertThat(statement.keyword(-1)).isNull();
	}

	@Test
	void keywordUpperCasesIndependentOfDefaultLocale() {
		// In a Turkish locale "index".toUpperCase() is "İNDEX"
		Locale saved = Locale.getDefault();
		try {
			Locale.setDefault(Locale.forLanguageTag("tr-TR"));
			assertThat(statement("create index i on t (c)").keyword(1)).isEqualTo("INDEX");
		}
		finally {
			Locale.setDefault(saved);
		}
	}

	@Test
	void keywordInSetIsTheMemberOrNull() {
		KeywordSet kinds = KeywordSet.of("TABLE", "INDEX", "IF");
		SqlStatement statement = statement("drop Index \"IF\" if exists");
		assertThat(statement.keyword(0, kinds)).isNull();
		assertThat(statement.keyword(1, kinds)).isEqualTo("INDEX");
		assertThat(statement.keyword(2, kinds)).isNull();
		assertThat(statement.keyword(3, kinds)).isEqualTo("IF");
		assertThat(statement.keyword(5, kinds)).isNull();
		assertThat(statement.keyword(-1, kinds)).isNull();
		for (int i = -1; i <= 5; i++) {
			String keyword = statement.keyword(i);
			assertThat(statement.keyword(i, kinds))
				.isEqualTo(keyword != null && kinds.contains(keyword) ? keyword : null);
		}
	}

	@Test
	void startsWithComparesLeadingWordsIgnoringCase() {
		SqlStatement statement = statement("Drop Table t cascade");
		assertThat(statement.startsWith("DROP")).isTrue();
		assertThat(statement.startsWith("DROP", "TABLE")).isTrue();
		assertThat(statement.startsWith("drop", "table")).isTrue();
		assertThat(statement.startsWith()).isTrue();
		assertThat(statement.startsWith("DROP", "INDEX")).isFalse();
		assertThat(statement.startsWith("TABLE")).isFalse();
	}

	@Test
	void startsWithIsFalseWhenStatementIsShorter() {
		assertThat(statement("begin").startsWith("BEGIN", "ATOMIC")).isFalse();
	}

	@Test
	void startsWithDoesNotMatchQuotedIdentifiers() {
		assertThat(statement("\"DROP\" x").startsWith("DROP")).isFalse();
	}

	@Test
	void startsWithSkipsCommentsBetweenWords() {
		assertThat(statement("drop /* careful */ table t").startsWith("DROP", "TABLE")).isTrue();
	}

	@Test
	void abbreviatedCollapsesWhitespaceRuns() {
		assertThat(statement("create\n\ttable   t\r\n(id int)").abbreviated(100)).isEqualTo("create table t (id int)");
	}

	@Test
	void abbreviatedCutsWithEllipsisWithinMaxChars() {
		String abbreviated = statement("select 1234567890").abbreviated(10);
		assertThat(abbreviated).isEqualTo("select 12…").hasSize(10);
	}

	@Test
	void abbreviatedDoesNotCutTextThatFitsExactly() {
		assertThat(statement("select 1").abbreviated(8)).isEqualTo("select 1");
		assertThat(statement("select  1").abbreviated(8)).isEqualTo("select 1");
	}

	@Test
	void abbreviatedDropsSpaceBeforeEllipsis() {
		assertThat(statement("select abcdef").abbreviated(8)).isEqualTo("select…");
	}

	@Test
	void abbreviatedToOneCharIsTheEllipsis() {
		assertThat(statement("select 1").abbreviated(1)).isEqualTo("…");
	}

	@Test
	void abbreviatedRejectsNonPositiveMax() {
		assertThatThrownBy(() -> statement("select 1").abbreviated(0)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void statementsOfAScriptEqualStatementsMadeFromTheirValues() {
		List<SqlStatement> statements = SqlScript
			.parse("t.sql", "-- first\ncreate table t (a int) ;\n/* x */ insert into t values (1)\t\n;\nselect 'é'")
			.statements();
		assertThat(statements).hasSize(3);
		for (SqlStatement statement : statements) {
			SqlStatement made = new SqlStatement(statement.text(), statement.line(), statement.column(),
					statement.endLine(), statement.tokens(), statement.leadingComments());
			assertThat(made).isEqualTo(statement).hasSameHashCodeAs(statement).hasToString(statement.toString());
			assertThat(statement).isEqualTo(made);
		}
		assertThat(statements.get(1))
			.hasToString("SqlStatement[text=insert into t values (1), line=3, column=9," + " endLine=3, tokens="
					+ statements.get(1).tokens() + ", leadingComments=" + statements.get(1).leadingComments() + "]");
		assertThat(statements.get(0)).isNotEqualTo(statements.get(1));
	}

	@Test
	void aStatementMayBeMadeWithoutText() {
		SqlStatement statement = new SqlStatement(null, 1, 1, 1, List.of(), List.of());
		assertThat(statement.text()).isNull();
		assertThat(statement).isEqualTo(new SqlStatement(null, 1, 1, 1, List.of(), List.of()))
			.hasToString("SqlStatement[text=null, line=1, column=1, endLine=1, tokens=[], leadingComments=[]]");
	}

	@Test
	void tokensAndLeadingCommentsAreImmutableCopies() {
		List<Token> tokens = new ArrayList<>(SqlLexer.tokenize("t.sql", "select 1"));
		SqlStatement statement = new SqlStatement("select 1", 1, 1, 1, tokens, List.of());
		tokens.clear();
		assertThat(statement.tokens()).hasSize(2);
		assertThatThrownBy(() -> statement.tokens().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> statement.leadingComments().clear()).isInstanceOf(UnsupportedOperationException.class);
	}

}
