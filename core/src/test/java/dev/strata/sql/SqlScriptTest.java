package dev.strata.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SqlScriptTest {

	private static SqlScript parse(String sql) {
		return SqlScript.parse("V1__test.sql", sql);
	}

	private static List<String> texts(String sql) {
		return parse(sql).statements().stream().map(SqlStatement::text).toList();
	}

	private static SqlSyntaxException failure(String sql) {
		try {
			parse(sql);
		}
		catch (SqlSyntaxException e) {
			return e;
		}
		throw new AssertionError("expected a SqlSyntaxException for: " + sql);
	}

	private static String resource(String name) throws IOException {
		try (InputStream in = SqlScriptTest.class.getResourceAsStream("/sql/" + name)) {
			assertThat(in).as(name).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Nested
	class Splitting {

		@Test
		void splitsAtTopLevelSemicolons() {
			assertThat(texts("create table a (id int);\ncreate table b (id int);"))
				.containsExactly("create table a (id int)", "create table b (id int)");
		}

		@Test
		void lastStatementMayLackSemicolon() {
			assertThat(texts("select 1; select 2")).containsExactly("select 1", "select 2");
		}

		@Test
		void emptyStatementsProduceNothing() {
			assertThat(texts(";; select 1;;; ;\n;select 2;;")).containsExactly("select 1", "select 2");
		}

		@Test
		void emptyInputHasNoStatementsOrComments() {
			SqlScript script = parse("");
			assertThat(script.statements()).isEmpty();
			assertThat(script.comments()).isEmpty();
			assertThat(script.sourceName()).isEqualTo("V1__test.sql");
		}

		@Test
		void fileOfOnlyCommentsHasNoStatements() {
			SqlScript script = parse("-- nothing to do; really\n/* still; nothing */\n");
			assertThat(script.statements()).isEmpty();
			assertThat(script.comments()).extracting(Token::kind)
				.containsExactly(TokenKind.LINE_COMMENT, TokenKind.BLOCK_COMMENT);
		}

		@Test
		void semicolonInLineCommentDoesNotSplit() {
			assertThat(texts("select 1 -- a; b\n+ 2;")).containsExactly("select 1 -- a; b\n+ 2");
		}

		@Test
		void semicolonInNestedBlockCommentDoesNotSplit() {
			assertThat(texts("select /* a /* ; */ ; */ 1; select 2")).containsExactly("select /* a /* ; */ ; */ 1",
					"select 2");
		}

		@Test
		void semicolonInStringsAndQuotedIdentifiersDoesNotSplit() {
			assertThat(texts("insert into \"a;b\" values ('x;y', E'\\';', U&'\\003B;', $$;$$); select 1"))
				.containsExactly("insert into \"a;b\" values ('x;y', E'\\';', U&'\\003B;', $$;$$)", "select 1");
		}

		@Test
		void textKeepsInnerCommentsAndTrimsTrailingWhitespace() {
			assertThat(texts("  select 1 /* why */ \n\t ;")).containsExactly("select 1 /* why */");
		}

		@Test
		void textIsTrimmedOfWhatStripTrailingTakesForWhitespace() {
			// U+2003 (em space) is a word char to the lexer and whitespace to Java;
			// U+00A0 is neither
			assertThat(texts("select x\u2003 \t;select y\u00A0;select z\u2003")).containsExactly("select x",
					"select y\u00A0", "select z\u2003");
		}

		@Test
		void textOfUnterminatedLastStatementEndsAtItsLastToken() {
			SqlScript script = parse("select 1\n-- trailing note\n");
			assertThat(script.statements()).extracting(SqlStatement::text).containsExactly("select 1");
			assertThat(script.comments()).extracting(Token::text).containsExactly("-- trailing note");
		}

		@Test
		void tokensAreSignificantOnlyWithoutTerminator() {
			SqlStatement statement = parse("select /* c */ 1 -- d\n;").statements().get(0);
			assertThat(statement.tokens()).extracting(Token::text).containsExactly("select", "1");
		}

		@Test
		void dollarQuotedFunctionBodyKeepsSemicolons() {
			String function = "create function f() returns int language plpgsql as $body$\n"
					+ "begin\n  perform 1;\n  return 2;\nend;\n$body$";
			assertThat(texts(function + ";\nselect f();")).containsExactly(function, "select f()");
		}

		@Test
		void nestedDollarQuoteInsideBodyKeepsSemicolons() {
			String body = "do $outer$ begin execute $inner$ select 1; $inner$; end $outer$";
			assertThat(texts(body + "; select 2;")).containsExactly(body, "select 2");
		}

		@Test
		void identifierWithDollarDoesNotStartQuote() {
			assertThat(texts("select foo$bar$ from t; select 2")).containsExactly("select foo$bar$ from t", "select 2");
		}

		@Test
		void parameterIsNotADollarQuote() {
			assertThat(texts("prepare p as select $1; execute p(1)")).containsExactly("prepare p as select $1",
					"execute p(1)");
		}

	}

	@Nested
	class Parentheses {

		@Test
		void semicolonInsideParenthesesDoesNotSplit() {
			String rule = "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO log VALUES (1); UPDATE c SET n = n + 1)";
			assertThat(texts(rule + "; select 1")).containsExactly(rule, "select 1");
		}

		@Test
		void depthIsResetForEachStatement() {
			assertThat(texts("select (1; select 2")).containsExactly("select (1; select 2");
			assertThat(texts("select (1)); select 2;")).containsExactly("select (1))", "select 2");
		}

		@Test
		void extraClosingParenthesisNeverMakesDepthNegative() {
			// with a negative depth, the ";" inside the next "(...)" would wrongly count
			// as depth 0
			assertThat(texts("select 1) ; select (2; 3); select 4")).containsExactly("select 1)", "select (2; 3)",
					"select 4");
			assertThat(texts("select 1)) (; 2); select 3")).containsExactly("select 1)) (; 2)", "select 3");
		}

		@Test
		void bracketsDoNotAffectSplitting() {
			assertThat(texts("select a[1]; select b[2:3]")).containsExactly("select a[1]", "select b[2:3]");
		}

	}

	@Nested
	class BeginAtomic {

		@Test
		void beginAtomicBodyKeepsInnerSemicolons() {
			String function = "CREATE FUNCTION f() RETURNS int LANGUAGE sql\nBEGIN ATOMIC\n  SELECT 1;\n  SELECT 2;\nEND";
			assertThat(texts(function + ";\nSELECT f();")).containsExactly(function, "SELECT f()");
		}

		@Test
		void caseEndInsideAtomicBodyDoesNotCloseIt() {
			String function = "create or replace function g(x int) returns text language sql begin atomic\n"
					+ "  select case when x > 0 then 'pos' else case when x < 0 then 'neg' end end;\n"
					+ "  select 'after case';\nend";
			assertThat(texts(function + "; select 3")).containsExactly(function, "select 3");
		}

		@Test
		void procedureWithAtomicBody() {
			String procedure = "CREATE PROCEDURE p() BEGIN ATOMIC INSERT INTO t VALUES (1); DELETE FROM t; END";
			assertThat(texts(procedure + "; CALL p();")).containsExactly(procedure, "CALL p()");
		}

		@Test
		void orReplaceProcedureWithAtomicBody() {
			String procedure = "create or replace procedure p() begin atomic delete from t; end";
			assertThat(texts(procedure + "; call p()")).containsExactly(procedure, "call p()");
		}

		@Test
		void plainBeginIsATransactionStatement() {
			assertThat(texts("BEGIN; CREATE TABLE t (id int); COMMIT;")).containsExactly("BEGIN",
					"CREATE TABLE t (id int)", "COMMIT");
		}

		@Test
		void beginAtomicOutsideRoutineDefinitionDoesNotHoldSemicolons() {
			assertThat(texts("BEGIN ATOMIC; SELECT 1; END;")).containsExactly("BEGIN ATOMIC", "SELECT 1", "END");
		}

		@Test
		void caseEndOutsideAtomicBodyIsIrrelevant() {
			assertThat(texts("select case when true then 1 end; select 2"))
				.containsExactly("select case when true then 1 end", "select 2");
		}

		@Test
		void dollarQuotedFunctionWithBeginInsideIsNotAtomic() {
			assertThat(texts("create function f() returns void language plpgsql as $$begin atomic; end$$; select 1"))
				.hasSize(2);
		}

		@Test
		void columnNamedBeginInsideAtomicBodyIsNotABlock() {
			String function = "create function h() returns int language sql begin atomic\n"
					+ "  select begin from spans;\n  select 1;\nend";
			assertThat(texts(function + "; select 2")).containsExactly(function, "select 2");
		}

		@Test
		void beginAtomicAfterACreateStatementHoldsNoSemicolons() {
			assertThat(texts("create table t (a int); select 1 begin atomic; select 2; end"))
				.containsExactly("create table t (a int)", "select 1 begin atomic", "select 2", "end");
		}

		@Test
		void createAfterACommentOrAnEmptyStatementStillOpensTheBody() {
			String function = "create function f() returns int language sql begin atomic select 1; end";
			assertThat(texts("select 0;; -- next\n/* the function */ " + function + "; select 2"))
				.containsExactly("select 0", function, "select 2");
		}

		@Test
		void atomicStateIsResetAfterTheFunction() {
			assertThat(texts("create function f() returns int language sql begin atomic select 1; end;"
					+ " select case when true then 1 end; select 2"))
				.hasSize(3);
		}

	}

	@Nested
	class CopyFromStdin {

		@ParameterizedTest
		@ValueSource(strings = { "COPY public.t (a, b) FROM stdin;", "copy t from STDIN",
				"COPY t FROM Stdin WITH (FORMAT csv, HEADER true);", "copy t(a) from stdin delimiter ',' csv;" })
		void copyFromStdinIsRejectedAtTheCopyLine(String copy) {
			SqlSyntaxException e = failure("select 1;\n\n  " + copy + "\n1\tx\n\\.\n");
			assertThat(e.problem()).isEqualTo("COPY ... FROM stdin needs psql to stream data");
			assertThat(e.hint()).isEqualTo("load data with INSERT statements or COPY FROM a server file");
			assertThat(e.line()).isEqualTo(3);
			assertThat(e.column()).isEqualTo(3);
		}

		@Test
		void copyDataRowsWithQuotesAreNotLexedBeforeTheCopyIsRejected() {
			SqlSyntaxException e = failure("COPY t (name) FROM stdin;\nO'Brien\n\\.\n");
			assertThat(e.problem()).startsWith("COPY");
		}

		@Test
		void copyFromServerFileIsAllowed() {
			assertThat(texts("COPY t FROM '/data/t.csv' WITH (FORMAT csv); COPY t TO stdout"))
				.containsExactly("COPY t FROM '/data/t.csv' WITH (FORMAT csv)", "COPY t TO stdout");
		}

		@Test
		void stdinInsideCopyQueryIsATableName() {
			assertThat(texts("COPY (SELECT * FROM stdin) TO '/tmp/x'")).hasSize(1);
		}

		@Test
		void copyFromStdinAfterOtherStatementsIsRejected() {
			SqlSyntaxException e = failure("create function f() returns int language sql begin atomic select 1; end;\n"
					+ "copy t from stdin;\n1\n\\.\n");
			assertThat(e.problem()).isEqualTo("COPY ... FROM stdin needs psql to stream data");
			assertThat(e.line()).isEqualTo(2);
		}

		@Test
		void fromStdinAfterACopyStatementIsNotRejected() {
			assertThat(texts("copy t to stdout; select * from stdin")).containsExactly("copy t to stdout",
					"select * from stdin");
		}

		@Test
		void fromStdinOutsideCopyIsNotRejected() {
			assertThat(texts("select * from stdin")).containsExactly("select * from stdin");
		}

	}

	@Nested
	class PsqlMetaCommands {

		@Test
		void metaCommandLineIsRejectedWithItsLine() {
			SqlSyntaxException e = failure("create table t (id int);\n\n\\connect other\nselect 1;");
			assertThat(e.problem()).isEqualTo("psql meta-command \\connect is not SQL");
			assertThat(e.line()).isEqualTo(3);
			assertThat(e.getMessage()).isEqualTo(
					"V1__test.sql:3:1: psql meta-command \\connect is not SQL. remove psql commands; Strata runs plain SQL");
		}

		@Test
		void pgDumpRestrictLineIsRejected() {
			SqlSyntaxException e = failure(
					"--\n-- PostgreSQL database dump\n--\n\n\\restrict 9cQkZxTq\n\nSET statement_timeout = 0;");
			assertThat(e.problem()).isEqualTo("psql meta-command \\restrict is not SQL");
			assertThat(e.line()).isEqualTo(5);
		}

	}

	@Nested
	class Unterminated {

		@Test
		void unterminatedDollarQuoteReportsLineWhereItStarts() {
			SqlSyntaxException e = failure("select 1;\ncreate function f() returns int as $body$\nselect 1;\n");
			assertThat(e.problem()).isEqualTo("unterminated dollar-quoted string $body$");
			assertThat(e.line()).isEqualTo(2);
			assertThat(e.column()).isEqualTo(36);
			assertThat(e.getMessage()).startsWith("V1__test.sql:2:36: unterminated dollar-quoted string $body$. ");
		}

		@Test
		void unterminatedStringIsNeverASilentMisSplit() {
			SqlSyntaxException e = failure("insert into t values ('a);\ninsert into t values ('v');\n");
			assertThat(e.line()).isEqualTo(2);
			assertThat(e.column()).isEqualTo(25);
		}

		@Test
		void unterminatedBlockCommentReportsWhereItStarts() {
			SqlSyntaxException e = failure("select 1;\n/* a /* b */\nselect 2;");
			assertThat(e.problem()).isEqualTo("unterminated block comment");
			assertThat(e.line()).isEqualTo(2);
			assertThat(e.column()).isEqualTo(1);
		}

		@Test
		void unterminatedQuotedIdentifierReportsWhereItStarts() {
			SqlSyntaxException e = failure("select \"x from t;");
			assertThat(e.problem()).isEqualTo("unterminated quoted identifier");
			assertThat(e.column()).isEqualTo(8);
		}

	}

	@Nested
	class StandardConformingStringsOff {

		private List<Token> tokensOf(SqlScript script, int statement) {
			return script.statements().get(statement).tokens();
		}

		@Test
		void backslashEscapesAQuoteInPlainStringsAfterTheSet() {
			SqlScript script = parse("SET standard_conforming_strings = off;\n"
					+ "insert into t values ('it\\'s; fine', N'a\\'b');\n" + "select 'x\\\\';");
			assertThat(script.statements()).extracting(SqlStatement::text)
				.containsExactly("SET standard_conforming_strings = off",
						"insert into t values ('it\\'s; fine', N'a\\'b')", "select 'x\\\\'");
			assertThat(tokensOf(script, 1)).filteredOn(t -> t.kind() == TokenKind.STRING)
				.extracting(Token::text, Token::line, Token::column, Token::offset)
				.containsExactly(tuple("'it\\'s; fine'", 2, 23, 61), tuple("N'a\\'b'", 2, 38, 76));
			assertThat(tokensOf(script, 2)).extracting(Token::text, Token::line, Token::column)
				.containsExactly(tuple("select", 3, 1), tuple("'x\\\\'", 3, 8));
		}

		@Test
		void theSetItselfAndEverythingBeforeItLexAsStandard() {
			// The server reads a statement before it runs it: 'a\' ends at its second
			// quote here.
			SqlScript script = parse("select 'a\\'; set standard_conforming_strings to off; select 'b\\'';");
			assertThat(script.statements()).extracting(SqlStatement::text)
				.containsExactly("select 'a\\'", "set standard_conforming_strings to off", "select 'b\\''");
		}

		@ParameterizedTest
		@ValueSource(
				strings = { "SET standard_conforming_strings = off", "set session standard_conforming_strings to 'off'",
						"SET LOCAL STANDARD_CONFORMING_STRINGS = false", "set standard_conforming_strings = 0",
						"set standard_conforming_strings = 'f'", "set standard_conforming_strings = no" })
		void everySpellingOfOffCounts(String set) {
			assertThat(texts(set + "; select 'it\\'s'; select 2")).containsExactly(set, "select 'it\\'s'", "select 2");
		}

		@ParameterizedTest
		@ValueSource(strings = { "SET standard_conforming_strings = on", "reset standard_conforming_strings",
				"RESET ALL", "set standard_conforming_strings to default",
				"set session standard_conforming_strings = 'true'" })
		void onResetOrDefaultTurnsItBackOn(String on) {
			SqlScript script = parse(
					"set standard_conforming_strings = off; select 'a\\'b';\n" + on + ";\nselect 'c\\';");
			assertThat(script.statements()).extracting(SqlStatement::text)
				.containsExactly("set standard_conforming_strings = off", "select 'a\\'b'", on, "select 'c\\'");
			assertThat(script.statements().get(3).tokens().get(1)).extracting(Token::line, Token::column)
				.containsExactly(3, 8);
		}

		@Test
		void otherSettingsAndUnreadableValuesChangeNothing() {
			assertThat(texts("set standard_conforming_strings_x = off; select 'a\\'; "
					+ "set standard_conforming_strings = maybe; select 'b\\'; set search_path = off; select 'c\\'"))
				.containsExactly("set standard_conforming_strings_x = off", "select 'a\\'",
						"set standard_conforming_strings = maybe", "select 'b\\'", "set search_path = off",
						"select 'c\\'");
		}

		@Test
		void escapeBitAndDollarStringsAreUnchanged() {
			assertThat(texts("set standard_conforming_strings = off; select E'a\\'b', B'01', X'1F', $$c\\$$, 'd\\\\'"))
				.containsExactly("set standard_conforming_strings = off",
						"select E'a\\'b', B'01', X'1F', $$c\\$$, 'd\\\\'");
		}

		@Test
		void withoutTheSettingABackslashQuoteReadsAsTheServerReadsIt() {
			// 'it\' is a whole string under the default setting; the s' that follows
			// opens one never closed.
			SqlSyntaxException e = failure("select 'it\\'s';");
			assertThat(e.problem()).isEqualTo("unterminated string literal starting here");
			assertThat(e.line()).isEqualTo(1);
			assertThat(e.column()).isEqualTo(14);
		}

		@Test
		void unterminatedStringUnderTheSettingIsReportedWhereItStarts() {
			SqlSyntaxException e = failure("set standard_conforming_strings = off;\nselect 'a\\';");
			assertThat(e.problem()).isEqualTo("unterminated string literal starting here");
			assertThat(e.line()).isEqualTo(2);
			assertThat(e.column()).isEqualTo(8);
		}

	}

	@Nested
	class Positions {

		@Test
		void statementLineAndColumnAreOfFirstSignificantToken() {
			SqlScript script = parse("-- head\n  /* c */ select 1;\n\n\tselect\n2;");
			assertThat(script.statements()).extracting(SqlStatement::line, SqlStatement::column, SqlStatement::endLine)
				.containsExactly(tuple(2, 11, 2), tuple(4, 2, 5));
		}

		@Test
		void endLineIsWhereTheLastTokenEnds() {
			SqlStatement statement = parse("do $$\nbegin\nend\n$$;").statements().get(0);
			assertThat(statement.line()).isEqualTo(1);
			assertThat(statement.endLine()).isEqualTo(4);
		}

		@Test
		void crlfInputGivesTheSameLinesAsLf() throws IOException {
			String lf = resource("realistic-migration.sql");
			SqlScript unix = SqlScript.parse("lf.sql", lf);
			SqlScript windows = SqlScript.parse("crlf.sql", lf.replace("\n", "\r\n"));
			assertThat(windows.statements()).extracting(SqlStatement::line, SqlStatement::column, SqlStatement::endLine)
				.containsExactlyElementsOf(
						unix.statements().stream().map(s -> tuple(s.line(), s.column(), s.endLine())).toList());
			assertThat(windows.comments()).extracting(Token::line, Token::column)
				.containsExactlyElementsOf(unix.comments().stream().map(t -> tuple(t.line(), t.column())).toList());
		}

		@Test
		void byteOrderMarkDoesNotShiftTheFirstStatement() {
			SqlStatement statement = parse("\uFEFFselect 1").statements().get(0);
			assertThat(statement.text()).isEqualTo("select 1");
			assertThat(statement.column()).isEqualTo(1);
		}

	}

	@Nested
	class Comments {

		@Test
		void leadingCommentsAreThoseBetweenPreviousStatementAndThisOne() {
			SqlScript script = parse(
					"-- a\n/* b */\nselect 1 /* inside */; -- after 1\n-- before 2\nselect 2;\n-- tail");
			List<SqlStatement> statements = script.statements();
			assertThat(statements.get(0).leadingComments()).extracting(Token::text).containsExactly("-- a", "/* b */");
			assertThat(statements.get(1).leadingComments()).extracting(Token::text)
				.containsExactly("-- after 1", "-- before 2");
			assertThat(script.comments()).extracting(Token::text)
				.containsExactly("-- a", "/* b */", "/* inside */", "-- after 1", "-- before 2", "-- tail");
		}

		@Test
		void commentsBeforeEmptyStatementsLeadTheNextRealOne() {
			SqlStatement statement = parse("-- x\n;\n-- y\n;select 1").statements().get(0);
			assertThat(statement.leadingComments()).extracting(Token::text).containsExactly("-- x", "-- y");
		}

		@Test
		void statementWithoutCommentsHasNoLeadingComments() {
			assertThat(parse("select 1; select 2").statements())
				.allSatisfy(s -> assertThat(s.leadingComments()).isEmpty());
		}

		@Test
		void directiveCommentsAreAvailableInOrder() {
			SqlScript script = parse("-- strata: transactional=false\nselect 1;\n-- strata: timeout=5s\n");
			assertThat(script.comments()).extracting(Token::text)
				.containsExactly("-- strata: transactional=false", "-- strata: timeout=5s");
		}

	}

	@Test
	void realisticMigrationSplitsIntoExpectedStatements() throws IOException {
		SqlScript script = SqlScript.parse("V7__orders.sql", resource("realistic-migration.sql"));

		assertThat(script.statements()).extracting(SqlStatement::line, s -> s.abbreviated(30))
			.containsExactly(tuple(6, "CREATE TABLE orders ( id bigi…"), tuple(13, "CREATE OR REPLACE FUNCTION au…"),
					tuple(26, "CREATE TRIGGER orders_audit A…"), tuple(29, "DO $do$ BEGIN RAISE NOTICE 'd…"),
					tuple(35, "CREATE FUNCTION order_size(to…"), tuple(42, "CREATE RULE orders_log AS ON…"),
					tuple(47, "INSERT INTO orders (customer,…"), tuple(49, "COMMENT ON TABLE orders IS 'c…"));
		assertThat(script.statements()).extracting(SqlStatement::endLine)
			.containsExactly(11, 24, 27, 33, 40, 45, 47, 49);

		SqlStatement first = script.statements().get(0);
		assertThat(first.leadingComments()).extracting(Token::line).containsExactly(1, 2, 3);
		assertThat(first.text()).endsWith("DEFAULT 'new' -- trailing ; comment\n)");
		assertThat(script.statements().get(1).text()).contains("$q$ INSERT INTO audit VALUES ('x;y'); $q$;")
			.endsWith("END;\n$$");
		assertThat(script.statements().get(4).text()).endsWith("SELECT 'unused; text';\nEND");
		assertThat(script.statements().get(7).text())
			.isEqualTo("COMMENT ON TABLE orders IS 'customer orders; one row per order'");
		assertThat(script.comments()).extracting(Token::line).containsExactly(1, 2, 3, 10, 50);
		assertThat(script.comments().get(0).text()).isEqualTo("-- strata: transactional=true");
	}

	@Test
	void parseReportsTheSourceName() {
		assertThatThrownBy(() -> SqlScript.parse("db/migration/V2__x.sql", "select 'x"))
			.isInstanceOf(SqlSyntaxException.class)
			.hasMessageStartingWith("db/migration/V2__x.sql:1:8: unterminated string literal starting here. ");
	}

}
