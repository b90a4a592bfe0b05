package dev.strata.plan.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.sql.SqlScript;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

class ResumableStatementTest {

	@Test
	void createIndexConcurrentlyIsReadWithItsNameAndTable() {
		assertThat(
				recognise("create unique index concurrently if not exists books_title on only \"Lib\".books (title)"))
			.isEqualTo(new ResumableStatement(ResumableStatement.Kind.CREATE_INDEX_CONCURRENTLY, "books_title",
					"\"Lib\".books", null, true));
		assertThat(recognise("CREATE INDEX CONCURRENTLY \"Title\" ON books USING btree (title)"))
			.isEqualTo(new ResumableStatement(ResumableStatement.Kind.CREATE_INDEX_CONCURRENTLY, "\"Title\"", "books",
					null, false));
	}

	@Test
	void unnamedIndexCannotBeRead() {
		assertThat(recognise("create index concurrently on books (title)")).isNull();
	}

	@Test
	void otherResumableStatements() {
		assertThat(recognise("drop index concurrently if exists lib.books_title cascade").name())
			.isEqualTo("lib.books_title");
		assertThat(recognise("drop index concurrently a, b")).isNull();
		assertThat(recognise("reindex (verbose) index concurrently books_title").table()).isEqualTo("INDEX");
		assertThat(recognise("reindex database concurrently").kind())
			.isEqualTo(ResumableStatement.Kind.REINDEX_CONCURRENTLY);
		assertThat(recognise("reindex index books_title")).isNull();
		assertThat(recognise("vacuum (analyze) books").kind()).isEqualTo(ResumableStatement.Kind.VACUUM_OR_ANALYZE);
		assertThat(recognise("analyze books").kind()).isEqualTo(ResumableStatement.Kind.VACUUM_OR_ANALYZE);
		assertThat(recognise("alter type mood add value 'happy' before 'sad'"))
			.isEqualTo(new ResumableStatement(ResumableStatement.Kind.ADD_ENUM_VALUE, "mood", null, "'happy'", false));
		assertThat(recognise("alter table events detach partition events_2024 concurrently"))
			.isEqualTo(new ResumableStatement(ResumableStatement.Kind.DETACH_PARTITION_CONCURRENTLY, "events_2024",
					"events", null, false));
		assertThat(recognise("alter table events detach partition events_2024")).isNull();
	}

	@Test
	void statementsWhoseOutcomeNobodyCanReadAreNotResumable() {
		assertThat(recognise("update books set title = upper(title)")).isNull();
		assertThat(recognise("do $$ begin perform 1; end $$")).isNull();
		assertThat(recognise("create table books (id int)")).isNull();
	}

	private static @Nullable ResumableStatement recognise(String sql) {
		return ResumableStatement.recognise(SqlScript.parse("test.sql", sql).statements().get(0));
	}

}
