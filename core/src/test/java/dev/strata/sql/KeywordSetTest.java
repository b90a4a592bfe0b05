package dev.strata.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import dev.strata.sql.internal.SqlLexer;

class KeywordSetTest {

	private static final KeywordSet KEYWORDS = KeywordSet.of("CREATE", "TABLE", "ACCESS", "START", "KEY", "INSERT");

	private static Token word(String text) {
		return new Token(TokenKind.WORD, text, 0, 1, 1);
	}

	@Test
	void findsMembersWrittenInAnyCase() {
		assertThat(KEYWORDS.find(word("create"))).isEqualTo("CREATE");
		assertThat(KEYWORDS.find(word("Table"))).isEqualTo("TABLE");
		assertThat(KEYWORDS.find(word("aCcEsS"))).isEqualTo("ACCESS");
		assertThat(KEYWORDS.contains(word("KEY"))).isTrue();
	}

	@Test
	void findsNothingForOtherWords() {
		assertThat(KEYWORDS.find(word("creat"))).isNull();
		assertThat(KEYWORDS.find(word("creates"))).isNull();
		assertThat(KEYWORDS.find(word("tables"))).isNull();
		assertThat(KEYWORDS.find(word("x"))).isNull();
		assertThat(KEYWORDS.contains(word("view"))).isFalse();
	}

	@Test
	void findsNothingInTokensThatAreNotWords() {
		List<Token> tokens = SqlLexer.tokenize("t.sql", "\"CREATE\" 'create' $$create$$ -- create\n/* create */ ( 1");
		assertThat(tokens).hasSize(7);
		for (Token token : tokens) {
			assertThat(KEYWORDS.find(token)).as(token.toString()).isNull();
			assertThat(token.isKeyword("CREATE")).as(token.toString()).isFalse();
		}
		assertThat(KEYWORDS.find(null)).isNull();
	}

	@Test
	void findsWordsInsideAScriptWithoutTheirNeighbours() {
		List<Token> tokens = SqlLexer.tokenize("t.sql", "create table t(access_key int, key int)");
		assertThat(tokens.stream().map(KEYWORDS::find).toList()).containsExactly("CREATE", "TABLE", null, null, null,
				null, null, "KEY", null, null);
	}

	@Test
	void findsTheMemberItselfNotACopy() {
		String create = KEYWORDS.find(word("create"));
		assertThat(create).isSameAs(KEYWORDS.find(word("CREATE")));
	}

	@Test
	void lookUpDoesNotDependOnTheDefaultLocale() {
		// In a Turkish locale "insert".toUpperCase() is "İNSERT"
		Locale saved = Locale.getDefault();
		try {
			Locale.setDefault(Locale.forLanguageTag("tr-TR"));
			assertThat(KEYWORDS.find(word("insert"))).isEqualTo("INSERT");
			assertThat(word("insert").isKeyword("INSERT")).isTrue();
		}
		finally {
			Locale.setDefault(saved);
		}
	}

	@Test
	void answersAsUpperCasingTheTextWould() {
		// The chars on which upper-casing, comparing ignoring case and ASCII folding can
		// disagree
		// (ı, ſ, ß, İ, the Kelvin sign, ligatures), every other char whose case maps
		// touch ASCII, and
		// a few that do not.
		List<String> chars = new ArrayList<>();
		for (char c = 0; c < 0xFFFF; c++) {
			String s = String.valueOf(c);
			if (!Character.isSurrogate(c)
					&& (c < 0x80 || touchesAscii(s.toUpperCase(Locale.ROOT)) || touchesAscii(s.toLowerCase(Locale.ROOT))
							|| touchesAscii(String.valueOf(Character.toLowerCase(c))))) {
				chars.add(s);
			}
		}
		chars.addAll(List.of("é", "Ω", "\uD835\uDD38")); // 𝔸, a surrogate pair
		assertThat(chars).contains("ı", "ſ", "ß", "İ", "\u212A", "ﬆ", "ﬃ");
		int checked = 0;
		for (String keyword : KEYWORDS.words()) {
			String lower = keyword.toLowerCase(Locale.ROOT);
			for (int at = 0; at < lower.length(); at++) {
				for (int replaced = 1; replaced <= 3 && at + replaced <= lower.length(); replaced++) {
					for (String c : chars) {
						String text = lower.substring(0, at) + c + lower.substring(at + replaced);
						String upper = text.toUpperCase(Locale.ROOT);
						Token token = word(text);
						assertThat(KEYWORDS.find(token)).as(text).isEqualTo(KEYWORDS.contains(upper) ? upper : null);
						assertThat(token.isKeyword(keyword)).as(text).isEqualTo(upper.equals(keyword));
						checked++;
					}
				}
			}
		}
		assertThat(checked).isGreaterThan(10_000);
		assertThat(KEYWORDS.find(word("acceß"))).isEqualTo("ACCESS");
		assertThat(word("ﬆart").isKeyword("START")).isTrue();
		assertThat(word("\u212Aey").isKeyword("KEY")).isFalse();
	}

	@Test
	void upperCasingNeverShortensTextIntoAscii() {
		// KeywordSet relies on this to reject text longer than the keyword without
		// looking at it.
		for (int cp = 0; cp <= Character.MAX_CODE_POINT; cp++) {
			String upper = new String(Character.toChars(cp)).toUpperCase(Locale.ROOT);
			if (isAscii(upper)) {
				assertThat(Character.charCount(cp)).as("U+%04X", cp).isEqualTo(1);
			}
		}
	}

	@Test
	void findsEveryMemberOfALargeSet() {
		List<String> words = new ArrayList<>();
		for (int i = 0; i < 500; i++) {
			words.add("K" + i);
		}
		KeywordSet keywords = KeywordSet.of(words);
		for (String word : words) {
			assertThat(keywords.find(word(word.toLowerCase(Locale.ROOT)))).isEqualTo(word);
		}
		assertThat(keywords.find(word("k500"))).isNull();
		assertThat(keywords.words()).hasSize(500);
	}

	@Test
	void rejectsWordsNoTokenCouldSpell() {
		assertThatThrownBy(() -> KeywordSet.of("create")).isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("'create'");
		assertThatThrownBy(() -> KeywordSet.of("")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> KeywordSet.of("IF EXISTS")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> KeywordSet.of("ÉTAT")).isInstanceOf(IllegalArgumentException.class);
		assertThat(KeywordSet.of("SERIAL8", "_X", "A$B").words()).containsExactlyInAnyOrder("SERIAL8", "_X", "A$B");
	}

	private static boolean touchesAscii(String s) {
		return s.chars().anyMatch((c) -> c < 0x80);
	}

	private static boolean isAscii(String s) {
		return s.chars().allMatch((c) -> c < 0x80);
	}

}
