package dev.strata.guard.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.strata.sql.KeywordSet;
import dev.strata.sql.SqlScript;
import org.junit.jupiter.api.Test;

class CursorTest {

	private static Cursor cursor(String sql) {
		return new Cursor(SqlScript.parse("V1__test.sql", sql).statements().get(0).tokens());
	}

	@Test
	void isWordComparesUpperCaseWordsInPlaceInAnyCase() {
		Cursor cursor = cursor("Alter TABLE if Exists t");
		assertThat(cursor.isWord(0, "ALTER")).isTrue();
		assertThat(cursor.isWord(1, "TABLE")).isTrue();
		assertThat(cursor.isWord(2, "IF")).isTrue();
		assertThat(cursor.isWord(3, "EXISTS")).isTrue();
		assertThat(cursor.isWord(0, "TABLE")).isFalse();
		assertThat(cursor.isWord(0, "ALTE")).isFalse();
	}

	@Test
	void quotedIdentifiersAndStringsAreNeverWords() {
		Cursor cursor = cursor("\"ALTER\" 'TABLE' \"if\"");
		assertThat(cursor.isWord(0, "ALTER")).isFalse();
		assertThat(cursor.isWord(1, "TABLE")).isFalse();
		assertThat(cursor.isWord(2, "IF")).isFalse();
		assertThat(cursor.word(0, KeywordSet.of("ALTER", "TABLE", "IF"))).isNull();
		assertThat(cursor.word(0)).isNull();
		assertThat(cursor.accept("ALTER")).isFalse();
	}

	@Test
	void pastTheEndThereIsNoWord() {
		Cursor cursor = cursor("drop table");
		assertThat(cursor.isWord(2, "TABLE")).isFalse();
		assertThat(cursor.word(2)).isNull();
		assertThat(cursor.word(2, KeywordSet.of("TABLE"))).isNull();
		assertThat(cursor.accept("DROP", "TABLE", "IF")).isFalse();
		assertThat(cursor.accept("DROP", "TABLE")).isTrue();
		assertThat(cursor.atEnd()).isTrue();
		assertThat(cursor.isWord(0, "TABLE")).isFalse();
		assertThat(cursor.accept("TABLE")).isFalse();
	}

	@Test
	void wordInSetIsTheMemberWordWouldBe() {
		KeywordSet kinds = KeywordSet.of("TABLE", "INDEX");
		Cursor cursor = cursor("create Index i on t");
		assertThat(cursor.word(0, kinds)).isNull();
		assertThat(cursor.word(1, kinds)).isEqualTo("INDEX").isEqualTo(cursor.word(1));
		assertThat(cursor.word(2, kinds)).isNull();
		assertThat(cursor.word(2)).isEqualTo("I");
	}

	@Test
	void namesAreReadQualifiedOrNot() {
		Cursor cursor = cursor("Users, app.\"Orders\" *, s.t.\"C\" x. ,");
		Name users = cursor.name();
		assertThat(users).isEqualTo(new Name(null, "users", "Users"));
		assertThat(users).isEqualTo(Name.of(List.of(cursor(" Users").next())));
		assertThat(cursor.accept("X")).isFalse();
		cursor.next();
		assertThat(cursor.name()).isEqualTo(new Name("app", "Orders", "app.\"Orders\""));
		cursor.next();
		cursor.next();
		assertThat(cursor.name()).isEqualTo(new Name("t", "C", "s.t.\"C\""));
		assertThat(cursor.name()).isEqualTo(new Name(null, "x", "x")); // a dot without a
																		// name after it
																		// ends it
		assertThat(cursor.next().is(".")).isTrue();
		assertThat(cursor.name()).isNull();
	}

	@Test
	void acceptConsumesOnlyAWholeMatch() {
		Cursor cursor = cursor("create unique index if not exists i on t");
		assertThat(cursor.accept("CREATE", "INDEX")).isFalse();
		assertThat(cursor.accept("CREATE")).isTrue();
		assertThat(cursor.accept("CREATE")).isFalse();
		assertThat(cursor.accept("unique")).isFalse(); // words are given upper-case
		assertThat(cursor.accept("UNIQUE")).isTrue();
		assertThat(cursor.accept("INDEX")).isTrue();
		assertThat(cursor.accept("IF", "NOT", "EXISTS")).isTrue();
		assertThat(cursor.name()).hasToString("i");
		assertThat(cursor.accept("ON")).isTrue();
	}

}
