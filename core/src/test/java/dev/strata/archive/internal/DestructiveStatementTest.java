package dev.strata.archive.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.archive.internal.DestructiveStatement.Kind;
import dev.strata.archive.internal.DestructiveStatement.Table;
import dev.strata.migration.MigrationDirectives.AllowDirective;
import dev.strata.migration.PreparedMigration;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.source.MigrationFile;
import dev.strata.source.MigrationSourceException;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;
import org.junit.jupiter.api.Test;

/** What the archive reads from a destructive statement, and the archive=none option. */
class DestructiveStatementTest {

	@Test
	void dropTable() {
		DestructiveStatement statement = read("DROP TABLE IF EXISTS public.a, \"B\" CASCADE");
		assertThat(statement.kind()).isEqualTo(Kind.DROP_TABLE);
		assertThat(statement.tables()).containsExactly(new Table("public.a", false), new Table("\"B\"", false));
		assertThat(statement.cascade()).isTrue();
		assertThat(statement.ifExists()).isTrue();
	}

	@Test
	void dropColumnsAmongOtherActions() {
		DestructiveStatement statement = read(
				"ALTER TABLE ONLY t ADD COLUMN x int DEFAULT f(1, 2), DROP COLUMN a, DROP CONSTRAINT c, DROP \"B\" CASCADE");
		assertThat(statement.kind()).isEqualTo(Kind.DROP_COLUMN);
		assertThat(statement.tables()).containsExactly(new Table("t", true));
		assertThat(statement.columns()).containsExactly("a", "\"B\"");
		assertThat(statement.cascade()).isTrue();
	}

	@Test
	void alterTableThatDropsNoColumnIsNoShapeToArchive() {
		assertThat(read("ALTER TABLE t DROP CONSTRAINT c").kind()).isEqualTo(Kind.OTHER);
	}

	@Test
	void truncate() {
		DestructiveStatement statement = read("TRUNCATE TABLE ONLY a, b * RESTART IDENTITY CASCADE");
		assertThat(statement.kind()).isEqualTo(Kind.TRUNCATE);
		assertThat(statement.tables()).containsExactly(new Table("a", true), new Table("b", false));
		assertThat(statement.cascade()).isTrue();
	}

	@Test
	void deleteWithAliasUsingAndWhere() {
		DestructiveStatement statement = read(
				"DELETE FROM ONLY s.t AS x USING u WHERE x.id = u.id AND (x.a > 1) RETURNING x.id");
		assertThat(statement.kind()).isEqualTo(Kind.DELETE);
		assertThat(statement.tables()).containsExactly(new Table("s.t", true));
		assertThat(statement.alias()).isEqualTo("x");
		assertThat(statement.from()).isEqualTo("u");
		assertThat(statement.where()).isEqualTo("x.id = u.id AND (x.a > 1)");
	}

	@Test
	void updateWithoutWhere() {
		DestructiveStatement statement = read("UPDATE t SET a = (SELECT max(b) FROM u WHERE u.c = t.c), d = 'where'");
		assertThat(statement.kind()).isEqualTo(Kind.UPDATE);
		assertThat(statement.alias()).isNull();
		assertThat(statement.from()).isEmpty();
		assertThat(statement.where()).isNull();
	}

	@Test
	void otherShapes() {
		assertThat(read("WITH d AS (DELETE FROM t RETURNING *) SELECT 1").kind()).isEqualTo(Kind.OTHER);
		assertThat(read("DELETE FROM t WHERE CURRENT OF c").kind()).isEqualTo(Kind.OTHER);
		assertThat(read("DROP TYPE mood").kind()).isEqualTo(Kind.OTHER);
		DestructiveStatement schema = read("DROP SCHEMA IF EXISTS s, \"T\" CASCADE");
		assertThat(schema.kind()).isEqualTo(Kind.DROP_SCHEMA);
		assertThat(schema.tables()).extracting(Table::name).containsExactly("s", "\"T\"");
		assertThat(schema.cascade()).isTrue();
	}

	@Test
	void archiveNoneBeforeOrAfterTheReason() {
		AllowDirective after = prepare("-- strata:allow delete reason=\"big\" archive=none\nDELETE FROM t").directives()
			.allows()
			.get(0);
		assertThat(after.archive()).isFalse();
		assertThat(after.reason()).isEqualTo("big");
		AllowDirective before = prepare("-- strata:allow delete archive=none reason=\"big one\"\nDELETE FROM t")
			.directives()
			.allows()
			.get(0);
		assertThat(before.archive()).isFalse();
		assertThat(before.rules()).containsExactly("delete");
		assertThat(before.reason()).isEqualTo("big one");
		assertThat(prepare("-- strata:allow delete reason=\"x\"\nDELETE FROM t").directives().allows().get(0).archive())
			.isTrue();
	}

	@Test
	void archiveOptionOtherThanNoneIsAnError() {
		assertThatThrownBy(() -> prepare("-- strata:allow delete reason=\"x\" archive=maybe\nDELETE FROM t"))
			.isInstanceOf(MigrationSourceException.class)
			.hasMessageContaining("archive=maybe");
	}

	private static DestructiveStatement read(String sql) {
		return DestructiveStatement.read(prepare(sql).statements().get(0));
	}

	private static PreparedMigration prepare(String sql) {
		return new SqlMigration(new MigrationFile(MigrationType.VERSIONED, Version.parse("1"), "test", "V1__test.sql",
				"V1__test.sql", sql, 0))
			.prepare();
	}

}
