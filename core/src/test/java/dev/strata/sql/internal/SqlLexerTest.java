package dev.strata.sql.internal;

import static dev.strata.sql.TokenKind.BLOCK_COMMENT;
import static dev.strata.sql.TokenKind.DOLLAR_STRING;
import static dev.strata.sql.TokenKind.LINE_COMMENT;
import static dev.strata.sql.TokenKind.NUMBER;
import static dev.strata.sql.TokenKind.OPERATOR;
import static dev.strata.sql.TokenKind.PARAMETER;
import static dev.strata.sql.TokenKind.PUNCTUATION;
import static dev.strata.sql.TokenKind.QUOTED_IDENTIFIER;
import static dev.strata.sql.TokenKind.STRING;
import static dev.strata.sql.TokenKind.WORD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.strata.sql.SqlScript;
import dev.strata.sql.SqlSyntaxException;
import dev.strata.sql.Token;
import dev.strata.sql.TokenKind;

class SqlLexerTest {

	private static List<Token> lex(String sql) {
		return SqlLexer.tokenize("test.sql", sql);
	}

	private static List<String> texts(String sql) {
		return lex(sql).stream().map(Token::text).toList();
	}

	private static List<TokenKind> kinds(String sql) {
		return lex(sql).stream().map(Token::kind).toList();
	}

	private static Token only(String sql) {
		List<Token> tokens = lex(sql);
		assertThat(tokens).hasSize(1);
		return tokens.get(0);
	}

	private static SqlSyntaxException failure(String sql) {
		try {
			lex(sql);
		}
		catch (SqlSyntaxException e) {
			return e;
		}
		throw new AssertionError("expected a SqlSyntaxException for: " + sql);
	}

	@Test
	void emptyAndBlankInputHaveNoTokens() {
		assertThat(lex("")).isEmpty();
		assertThat(lex(" \t\r\n\f\u000B ")).isEmpty();
	}

	@Test
	void simpleStatementTokenKindsAndTexts() {
		assertThat(lex("SELECT a, b FROM t WHERE x = 1;")).extracting(Token::kind, Token::text)
			.containsExactly(tuple(WORD, "SELECT"), tuple(WORD, "a"), tuple(PUNCTUATION, ","), tuple(WORD, "b"),
					tuple(WORD, "FROM"), tuple(WORD, "t"), tuple(WORD, "WHERE"), tuple(WORD, "x"), tuple(OPERATOR, "="),
					tuple(NUMBER, "1"), tuple(PUNCTUATION, ";"));
	}

	@Test
	void tokenTextIsExactSourceSliceAtOffset() {
		String sql = "create table \"T\" (id int8 /* pk */ primary key, v text default E'\\n');";
		for (Token token : lex(sql)) {
			assertThat(sql.substring(token.offset(), token.endOffset())).isEqualTo(token.text());
		}
	}

	@Nested
	class Comments {

		@Test
		void lineCommentRunsToEndOfLineWithoutTheBreak() {
			assertThat(lex("a -- note; 'x\r\nb")).extracting(Token::kind, Token::text)
				.containsExactly(tuple(WORD, "a"), tuple(LINE_COMMENT, "-- note; 'x"), tuple(WORD, "b"));
		}

		@Test
		void lineCommentAtEndOfInputWithoutNewline() {
			assertThat(only("-- last").kind()).isEqualTo(LINE_COMMENT);
		}

		@Test
		void blockCommentMayContainQuotesAndSemicolons() {
			Token token = only("/* it's; \"odd\" $$ */");
			assertThat(token.kind()).isEqualTo(BLOCK_COMMENT);
		}

		@Test
		void nestedBlockCommentDoesNotEndAtFirstCloser() {
			assertThat(lex("/* a /* b */ c */ d")).extracting(Token::kind, Token::text)
				.containsExactly(tuple(BLOCK_COMMENT, "/* a /* b */ c */"), tuple(WORD, "d"));
		}

		@Test
		void unterminatedNestedBlockCommentIsAnError() {
			SqlSyntaxException e = failure("x\n  /* a /* b */ c");
			assertThat(e.problem()).isEqualTo("unterminated block comment");
			assertThat(e.line()).isEqualTo(2);
			assertThat(e.column()).isEqualTo(3);
		}

		@Test
		void blockCommentMarkersInsideStringsAreText() {
			assertThat(kinds("'/*' -- x")).containsExactly(STRING, LINE_COMMENT);
		}

		@Test
		void doubleDashEndsAnOperatorRunAndStartsAComment() {
			assertThat(lex("a+--c\nb")).extracting(Token::kind, Token::text)
				.containsExactly(tuple(WORD, "a"), tuple(OPERATOR, "+"), tuple(LINE_COMMENT, "--c"), tuple(WORD, "b"));
		}

		@Test
		void slashStarEndsAnOperatorRunAndStartsAComment() {
			assertThat(texts("a*/*c*/b")).containsExactly("a", "*", "/*c*/", "b");
		}

		@Test
		void isCommentIsTrueOnlyForComments() {
			assertThat(lex("-- a\n/* b */ c")).extracting(Token::isComment).containsExactly(true, true, false);
		}

	}

	@Nested
	class Strings {

		@Test
		void doubledQuoteStaysInsideString() {
			assertThat(lex("'it''s' x")).extracting(Token::kind, Token::text)
				.containsExactly(tuple(STRING, "'it''s'"), tuple(WORD, "x"));
		}

		@Test
		void emptyStringAndStringOfOnlyDoubledQuote() {
			assertThat(texts("'' ''''")).containsExactly("''", "''''");
		}

		@Test
		void backslashIsOrdinaryInStandardString() {
			// standard_conforming_strings: 'a\' is a complete string
			assertThat(texts("'a\\' b")).containsExactly("'a\\'", "b");
		}

		@Test
		void escapeStringBackslashQuoteDoesNotEndIt() {
			assertThat(lex("E'\\'' x")).extracting(Token::kind, Token::text)
				.containsExactly(tuple(STRING, "E'\\''"), tuple(WORD, "x"));
		}

		@Test
		void lowerCaseEscapeStringPrefix() {
			assertThat(texts("e'it\\'s' y")).containsExactly("e'it\\'s'", "y");
		}

		@Test
		void escapeStringEndsAfterDoubledBackslash() {
			assertThat(texts("E'a\\\\' b")).containsExactly("E'a\\\\'", "b");
		}

		@Test
		void escapeStringAlsoAcceptsDoubledQuote() {
			assertThat(texts("E'it''s' z")).containsExactly("E'it''s'", "z");
		}

		@Test
		void unicodeEscapeString() {
			Token token = only("U&'d\\0061t\\+000061'");
			assertThat(token.kind()).isEqualTo(STRING);
		}

		@Test
		void unicodeEscapeStringWithUescapeClause() {
			assertThat(lex("u&'d!0061t' UESCAPE '!'")).extracting(Token::kind, Token::text)
				.containsExactly(tuple(STRING, "u&'d!0061t'"), tuple(WORD, "UESCAPE"), tuple(STRING, "'!'"));
		}

		@Test
		void unicodeStringBackslashBeforeQuoteDoesNotEscapeIt() {
			assertThat(texts("U&'a\\' b")).containsExactly("U&'a\\'", "b");
		}

		@ParameterizedTest
		@ValueSource(strings = { "B'1010'", "b'1'", "X'1F'", "x'ff'", "N'abc'", "n'it''s'" })
		void prefixedStringConstantsAreOneStringToken(String literal) {
			assertThat(only(literal).kind()).isEqualTo(STRING);
		}

		@Test
		void prefixLettersOnlyCountAtTheStartOfAWord() {
			// "xe" is an identifier; the string after it is a separate token
			assertThat(kinds("xe'1'")).containsExactly(WORD, STRING);
			assertThat(kinds("e 'x'")).containsExactly(WORD, STRING);
		}

		@Test
		void uAmpersandWithoutQuoteIsWordAndOperator() {
			assertThat(lex("u&v")).extracting(Token::kind, Token::text)
				.containsExactly(tuple(WORD, "u"), tuple(OPERATOR, "&"), tuple(WORD, "v"));
		}

		@Test
		void adjacentStringConstantsAreSeparateTokens() {
			assertThat(kinds("'foo'\n'bar'")).containsExactly(STRING, STRING);
		}

		@Test
		void stringMaySpanLines() {
			List<Token> tokens = lex("'a\nb' c");
			assertThat(tokens.get(0).text()).isEqualTo("'a\nb'");
			assertThat(tokens.get(1).line()).isEqualTo(2);
			assertThat(tokens.get(1).column()).isEqualTo(4);
		}

		@Test
		void escapedLineBreakInEscapeStringStillCountsAsLine() {
			List<Token> tokens = lex("E'a\\\nb' c");
			assertThat(tokens.get(1).line()).isEqualTo(2);
			assertThat(tokens.get(1).column()).isEqualTo(4);
		}

		@Test
		void unterminatedStringReportsWhereItStarts() {
			SqlSyntaxException e = failure("select 1;\nselect 'abc;\nselect 2;\n");
			assertThat(e.problem()).isEqualTo("unterminated string literal starting here");
			assertThat(e.line()).isEqualTo(2);
			assertThat(e.column()).isEqualTo(8);
			assertThat(e.hint()).contains("missing quote");
		}

		@Test
		void escapeStringEndingInBackslashQuoteIsUnterminated() {
			SqlSyntaxException e = failure("E'abc\\'");
			assertThat(e.problem()).isEqualTo("unterminated string literal starting here");
			assertThat(e.column()).isEqualTo(1);
		}

		@Test
		void unterminatedPrefixedStringReportsThePrefixPosition() {
			SqlSyntaxException e = failure("  X'1F");
			assertThat(e.column()).isEqualTo(3);
		}

	}

	@Nested
	class QuotedIdentifiers {

		@Test
		void doubledDoubleQuoteAndSemicolonStayInside() {
			assertThat(lex("\"quoted \"\"identifier\"\" ; \".x")).extracting(Token::kind, Token::text)
				.containsExactly(tuple(QUOTED_IDENTIFIER, "\"quoted \"\"identifier\"\" ; \""), tuple(PUNCTUATION, "."),
						tuple(WORD, "x"));
		}

		@Test
		void unicodeQuotedIdentifier() {
			assertThat(lex("U&\"d\\0061t\\+000061\" UESCAPE '\\'")).extracting(Token::kind)
				.containsExactly(QUOTED_IDENTIFIER, WORD, STRING);
		}

		@Test
		void singleQuoteInsideQuotedIdentifierIsText() {
			assertThat(kinds("\"it's\" x")).containsExactly(QUOTED_IDENTIFIER, WORD);
		}

		@Test
		void unterminatedQuotedIdentifierReportsWhereItStarts() {
			SqlSyntaxException e = failure("select\n   \"abc;\n");
			assertThat(e.problem()).isEqualTo("unterminated quoted identifier");
			assertThat(e.line()).isEqualTo(2);
			assertThat(e.column()).isEqualTo(4);
		}

	}

	@Nested
	class DollarQuotes {

		@Test
		void emptyTagDollarQuoteKeepsSemicolonsAndQuotes() {
			Token token = only("$$ begin; it's \"x\"; end; $$");
			assertThat(token.kind()).isEqualTo(DOLLAR_STRING);
		}

		@Test
		void taggedDollarQuote() {
			assertThat(lex("$body$ select 1; $body$;")).extracting(Token::kind, Token::text)
				.containsExactly(tuple(DOLLAR_STRING, "$body$ select 1; $body$"), tuple(PUNCTUATION, ";"));
		}

		@Test
		void innerDollarQuoteWithOtherTagIsPartOfOuter() {
			String sql = "$outer$ a $inner$ ; $inner$ b $$ c $outer$";
			assertThat(only(sql).text()).isEqualTo(sql);
		}

		@Test
		void closingTagMustMatchExactlyIncludingCase() {
			String sql = "$a$ $A$ $ab$ $a$";
			assertThat(only(sql).text()).isEqualTo(sql);
		}

		@Test
		void emptyDollarQuote() {
			assertThat(texts("$$$$ x")).containsExactly("$$$$", "x");
		}

		@Test
		void tagMayContainDigitsAndUnderscoresAfterFirst() {
			assertThat(only("$_t1$x$_t1$").kind()).isEqualTo(DOLLAR_STRING);
		}

		@Test
		void dollarDigitIsParameterNotQuote() {
			assertThat(lex("$1 + $23")).extracting(Token::kind, Token::text)
				.containsExactly(tuple(PARAMETER, "$1"), tuple(OPERATOR, "+"), tuple(PARAMETER, "$23"));
		}

		@Test
		void dollarInsideIdentifierIsPartOfWord() {
			assertThat(lex("foo$bar")).extracting(Token::kind, Token::text).containsExactly(tuple(WORD, "foo$bar"));
		}

		@Test
		void identifierEndingInDollarTagIsNotADollarQuoteStart() {
			assertThat(lex("foo$bar$ ; x")).extracting(Token::kind, Token::text)
				.containsExactly(tuple(WORD, "foo$bar$"), tuple(PUNCTUATION, ";"), tuple(WORD, "x"));
		}

		@Test
		void dollarTagWithoutClosingDollarIsALoneDollar() {
			assertThat(lex("$foo ;")).extracting(Token::kind, Token::text)
				.containsExactly(tuple(OPERATOR, "$"), tuple(WORD, "foo"), tuple(PUNCTUATION, ";"));
		}

		@Test
		void dollarQuoteAfterWhitespaceAfterIdentifierStartsAQuote() {
			assertThat(kinds("AS $f$x$f$")).containsExactly(WORD, DOLLAR_STRING);
		}

		@Test
		void dollarQuoteBodySpanningLinesAdvancesLineCount() {
			List<Token> tokens = lex("$$\na\r\nb\rc$$ d");
			assertThat(tokens.get(1).line()).isEqualTo(4);
			assertThat(tokens.get(1).column()).isEqualTo(5);
		}

		@Test
		void unterminatedDollarQuoteReportsLineWhereItStarts() {
			SqlSyntaxException e = failure(
					"create function f() returns int\nlanguage sql as $body$\nselect 1;\n$bod$;\n");
			assertThat(e.problem()).isEqualTo("unterminated dollar-quoted string $body$");
			assertThat(e.line()).isEqualTo(2);
			assertThat(e.column()).isEqualTo(17);
			assertThat(e.hint()).contains("$body$");
		}

		@Test
		void unterminatedEmptyTagDollarQuote() {
			assertThat(failure("select $$abc").problem()).isEqualTo("unterminated dollar-quoted string $$");
		}

	}

	@Nested
	class Numbers {

		@ParameterizedTest
		@ValueSource(strings = { "1", "42", "1.5", ".5", "1.", "1e10", "1E+10", "2.5e-3", ".5e2", "0x1F", "0XfF",
				"0o17", "0b1010", "1_000", "1_000.000_1", "0x_1F" })
		void numberIsOneToken(String number) {
			Token token = only(number);
			assertThat(token.kind()).isEqualTo(NUMBER);
			assertThat(token.text()).isEqualTo(number);
		}

		@Test
		void rangeDotsAfterIntegerAreNotPartOfIt() {
			assertThat(lex("1..2")).extracting(Token::kind, Token::text)
				.containsExactly(tuple(NUMBER, "1"), tuple(PUNCTUATION, "."), tuple(NUMBER, ".2"));
		}

		@Test
		void exponentLetterWithoutDigitsIsNotConsumed() {
			assertThat(texts("1e")).containsExactly("1", "e");
			assertThat(texts("1ex")).containsExactly("1", "ex");
		}

		@Test
		void trailingUnderscoreIsNotPartOfNumber() {
			assertThat(texts("1_")).containsExactly("1", "_");
		}

		@Test
		void negativeNumberIsOperatorThenNumber() {
			assertThat(kinds("-1")).containsExactly(OPERATOR, NUMBER);
		}

		@Test
		void qualifiedNameDotIsPunctuation() {
			assertThat(kinds("s.t.c")).containsExactly(WORD, PUNCTUATION, WORD, PUNCTUATION, WORD);
		}

		@Test
		void radixPrefixWithoutDigitsIsZeroThenWord() {
			assertThat(texts("0x")).containsExactly("0", "x");
			assertThat(texts("0xg")).containsExactly("0", "xg");
		}

	}

	@Nested
	class OperatorsAndPunctuation {

		@Test
		void castIsOneOperator() {
			assertThat(lex("x::int")).extracting(Token::kind, Token::text)
				.containsExactly(tuple(WORD, "x"), tuple(OPERATOR, "::"), tuple(WORD, "int"));
		}

		@Test
		void colonEqualsAndNamedArgumentArrow() {
			assertThat(texts("a := 1, b => 2")).containsExactly("a", ":=", "1", ",", "b", "=>", "2");
			assertThat(lex("a := 1").get(1).kind()).isEqualTo(OPERATOR);
			assertThat(lex("b => 2").get(1).kind()).isEqualTo(OPERATOR);
		}

		@Test
		void loneColonIsPunctuation() {
			assertThat(lex("a[1:2]")).extracting(Token::kind)
				.containsExactly(WORD, PUNCTUATION, NUMBER, PUNCTUATION, NUMBER, PUNCTUATION);
		}

		@ParameterizedTest
		@ValueSource(strings = { "<>", ">=", "<=", "!=", "->>", "->", "#>>", "@>", "<@", "||", "~~*", "!~", "&&", "?|",
				"`", "^", "%", "@-@", "<->", "#-" })
		void multiCharOperatorIsOneToken(String operator) {
			Token token = only(operator);
			assertThat(token.kind()).isEqualTo(OPERATOR);
			assertThat(token.text()).isEqualTo(operator);
		}

		@Test
		void trailingPlusOrMinusIsSplitOffPlainOperators() {
			assertThat(texts("a=-1")).containsExactly("a", "=", "-", "1");
			assertThat(texts("a<-b")).containsExactly("a", "<", "-", "b");
			assertThat(texts("a*+b")).containsExactly("a", "*", "+", "b");
		}

		@Test
		void trailingMinusStaysWhenOperatorHasSpecialChar() {
			assertThat(texts("j#-'{a}'")).containsExactly("j", "#-", "'{a}'");
		}

		@Test
		void punctuationKinds() {
			assertThat(lex("( ) [ ] , ; . :")).allSatisfy(t -> assertThat(t.kind()).isEqualTo(PUNCTUATION));
		}

		@Test
		void isMatchesPunctuationAndOperatorsOnly() {
			List<Token> tokens = lex("( :: ';' x");
			assertThat(tokens.get(0).is("(")).isTrue();
			assertThat(tokens.get(1).is("::")).isTrue();
			assertThat(tokens.get(1).is(":")).isFalse();
			assertThat(tokens.get(2).is("';'")).isFalse();
			assertThat(tokens.get(3).is("x")).isFalse();
		}

		@Test
		void isWordIgnoresCaseButNotKind() {
			List<Token> tokens = lex("select \"SELECT\" 'select'");
			assertThat(tokens.get(0).isWord("SELECT")).isTrue();
			assertThat(tokens.get(1).isWord("SELECT")).isFalse();
			assertThat(tokens.get(2).isWord("SELECT")).isFalse();
		}

		@Test
		void unexpectedCharacterIsAnErrorWithPosition() {
			SqlSyntaxException e = failure("select\n  {");
			assertThat(e.problem()).isEqualTo("unexpected character '{' (U+007B)");
			assertThat(e.line()).isEqualTo(2);
			assertThat(e.column()).isEqualTo(3);
		}

	}

	@Nested
	class Words {

		@Test
		void identifiersMayContainDigitsUnderscoreDollarAndNonAscii() {
			assertThat(texts("_a1 über$2 名前")).containsExactly("_a1", "über$2", "名前");
		}

		@Test
		void wordMustNotStartWithDigit() {
			assertThat(kinds("1abc")).containsExactly(NUMBER, WORD);
		}

	}

	@Nested
	class PsqlMetaCommands {

		@ParameterizedTest
		@ValueSource(strings = { "\\connect db", "\\set x 1", "\\i file.sql", "\\restrict AbC123",
				"\\unrestrict AbC123", "\\." })
		void backslashCommandAtStartOfLineIsRejected(String command) {
			SqlSyntaxException e = failure("select 1;\n" + command + "\nselect 2;");
			String name = command.split(" ")[0];
			assertThat(e.problem()).isEqualTo("psql meta-command " + name + " is not SQL");
			assertThat(e.hint()).isEqualTo("remove psql commands; Strata runs plain SQL");
			assertThat(e.line()).isEqualTo(2);
			assertThat(e.column()).isEqualTo(1);
		}

		@Test
		void indentedMetaCommandIsRejected() {
			SqlSyntaxException e = failure("  \\connect other");
			assertThat(e.problem()).isEqualTo("psql meta-command \\connect is not SQL");
			assertThat(e.column()).isEqualTo(3);
		}

		@Test
		void backslashInsideStringsAndCommentsIsNotACommand() {
			assertThat(kinds("'\n\\connect x\n' $$\n\\set$$ -- \\i\n/*\n\\i */ E'\\\\'")).containsExactly(STRING,
					DOLLAR_STRING, LINE_COMMENT, BLOCK_COMMENT, STRING);
		}

	}

	@Nested
	class Positions {

		@Test
		void lineAndColumnAreOneBased() {
			assertThat(lex("a\n  bb c")).extracting(Token::text, Token::offset, Token::line, Token::column)
				.containsExactly(tuple("a", 0, 1, 1), tuple("bb", 4, 2, 3), tuple("c", 7, 2, 6));
		}

		@Test
		void crlfGivesSameLinesAndColumnsAsLf() {
			String lf = "select 1;\n-- c\n  /* x\n y */ select\n 'a\nb', $$\n$$;\n";
			String crlf = lf.replace("\n", "\r\n");
			assertThat(lex(crlf)).extracting(Token::text, Token::line, Token::column)
				.containsExactlyElementsOf(lex(lf).stream()
					.map(t -> tuple(t.text().replace("\n", "\r\n"), t.line(), t.column()))
					.toList());
		}

		@Test
		void loneCarriageReturnIsALineBreak() {
			assertThat(lex("a\rb\r\rc")).extracting(Token::line).containsExactly(1, 2, 4);
		}

		@Test
		void leadingByteOrderMarkIsSkipped() {
			Token token = only("\uFEFFselect");
			assertThat(token.text()).isEqualTo("select");
			assertThat(token.offset()).isEqualTo(1);
			assertThat(token.line()).isEqualTo(1);
			assertThat(token.column()).isEqualTo(1);
		}

		@Test
		void byteOrderMarkElsewhereIsNotSkipped() {
			// non-ASCII chars are identifier chars to the server, so it stays part of a
			// word
			assertThat(texts("a \uFEFFb")).containsExactly("a", "\uFEFFb");
		}

		@Test
		void tabCountsAsOneColumn() {
			assertThat(lex("\tx").get(0).column()).isEqualTo(2);
		}

		@ParameterizedTest
		@ValueSource(strings = { "", "\uFEFF" })
		void positionsFoundWhenAskedMatchCountingLineBreaks(String start) {
			// Tokens of a lexed script find their line and column from where its lines
			// start.
			StringBuilder sql = new StringBuilder(start);
			for (int i = 0; i < 40; i++) {
				sql.append("select ")
					.append(i)
					.append(", 'a\r\nb\rc' -- note\r\n  /* x\n\ry */ $$\n$$")
					.append(i % 3 == 0 ? "\r" : i % 3 == 1 ? "\n" : "\r\n")
					.append("\t\t")
					.append(i % 7 == 0 ? "\n\n" : "");
			}
			List<Token> tokens = lex(sql.toString());
			assertThat(tokens).hasSize(7 * 40);
			for (Token token : tokens) {
				int line = 1;
				int lineStart = start.length();
				for (int i = start.length(); i < token.offset(); i++) {
					char c = sql.charAt(i);
					if (c == '\n' || c == '\r' && sql.charAt(i + 1) != '\n') {
						line++;
						lineStart = i + 1;
					}
				}
				assertThat(token.line()).as(token.toString()).isEqualTo(line);
				assertThat(token.column()).as(token.toString()).isEqualTo(token.offset() - lineStart + 1);
			}
			List<Token> statementTokens = SqlScript.parse("t.sql", sql.toString())
				.statements()
				.stream()
				.flatMap((statement) -> statement.tokens().stream())
				.toList();
			assertThat(statementTokens).isNotEmpty().allSatisfy((token) -> assertThat(tokens).contains(token));
		}

		@Test
		void tokensOfAScriptEqualTokensMadeWithTheirPosition() {
			Token lexed = lex("a\r\n  b").get(1);
			Token made = new Token(WORD, "b", 5, 2, 3);
			assertThat(lexed).isEqualTo(made).hasSameHashCodeAs(made).hasToString(made.toString());
			assertThat(made).isEqualTo(lexed);
		}

	}

}
