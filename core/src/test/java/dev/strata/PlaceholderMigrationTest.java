package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;

import dev.strata.error.ErrorCategory;
import dev.strata.guard.GuardRefusedException;
import dev.strata.migration.MigrationPreparationException;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ${name}} in SQL files, replaced as Flyway replaces it, on a real PostgreSQL. */
@StrataPostgres(databasePerTest = true)
class PlaceholderMigrationTest {

	@TempDir
	Path dir;

	@Test
	void replacesConfiguredAndBuiltInPlaceholdersIgnoringCase(TestDatabase db) {
		MigrationDir files = new MigrationDir(this.dir).write("V1__items.sql", "create table ${prefix}items (id int);\n"
				+ "comment on table ${PREFIX}items is '${flyway:defaultSchema}|${strata:user}|${flyway:filename}"
				+ "|${flyway:table}|${strata:table}|${strata:database}';");

		Db.strata(db, (builder) -> builder.locations(files.location()).placeholder("prefix", "shop_")).migrate();

		assertThat(Db.column(db, "select obj_description('shop_items'::regclass)")).containsExactly(
				"public|" + db.username() + "|V1__items.sql|flyway_schema_history|strata_schema_history|" + db.name());
	}

	@Test
	void replacesInsideStringsAndDollarQuotedBodiesAsFlywayDoes(TestDatabase db) {
		MigrationDir files = new MigrationDir(this.dir).write("V1__greet.sql",
				"create function greet() returns text language sql as $$ select '${greeting}, ' || $b$${who}$b$ $$;\n"
						+ "-- ${greeting} in a comment is replaced too\n");

		Db.strata(db,
				(builder) -> builder.locations(files.location())
					.placeholder("greeting", "hello")
					.placeholder("who", "world"))
			.migrate();

		assertThat(Db.column(db, "select greet()")).containsExactly("hello, world");
	}

	@Test
	void anUnknownPlaceholderNamesFileAndLineBeforeAnythingRuns(TestDatabase db) {
		MigrationDir files = new MigrationDir(this.dir).write("V1__a.sql", "create table a (id int);")
			.write("V2__b.sql", "create table b (id int);\n\ninsert into b values (${answer});");

		MigrationPreparationException ex = catchThrowableOfType(MigrationPreparationException.class,
				() -> Db.strata(db, files.location()).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(ex.errors()).singleElement().asString().contains("V2__b.sql:3 uses the placeholder ${answer}");
		assertThat(ex.getMessage()).contains("nothing was applied")
			.contains("strata.placeholders.answer")
			.contains("strata.placeholder-replacement=false");
		assertThat(Db.tableExists(db, "a")).isFalse();
	}

	@Test
	void replacementOffRunsFilesAsWritten(TestDatabase db) {
		MigrationDir files = new MigrationDir(this.dir).write("V1__template.sql",
				"create view template as select 'Dear ${name}'::text as body;");

		Db.strata(db, (builder) -> builder.locations(files.location()).placeholderReplacement(false)).migrate();

		assertThat(Db.column(db, "select body from template")).containsExactly("Dear ${name}");
	}

	@Test
	void prefixAndSuffixAreConfigurable(TestDatabase db) {
		MigrationDir files = new MigrationDir(this.dir).write("V1__t.sql",
				"create table #[table] (id int); create view v as select '${kept}'::text as t;");

		Db.strata(db,
				(builder) -> builder.locations(files.location())
					.placeholderPrefix("#[")
					.placeholderSuffix("]")
					.placeholder("table", "things"))
			.migrate();

		assertThat(Db.tableExists(db, "things")).isTrue();
		assertThat(Db.column(db, "select t from v")).containsExactly("${kept}");
	}

	@Test
	void theGuardJudgesTheReplacedSql(TestDatabase db) {
		MigrationDir files = new MigrationDir(this.dir).write("V1__legacy.sql", "create table legacy (id int);");
		Db.strata(db, files.location()).migrate();
		files.write("V2__cleanup.sql", "${cleanup};");

		GuardRefusedException ex = catchThrowableOfType(GuardRefusedException.class,
				() -> Db
					.strata(db,
							(builder) -> builder.locations(files.location())
								.placeholder("cleanup", "drop table legacy"))
					.migrate());

		assertThat(ex.getMessage()).contains("drop");
		assertThat(Db.tableExists(db, "legacy")).isTrue();
	}

}
