package dev.strata.autoconfigure.migrator;

import java.nio.file.Path;

import dev.strata.autoconfigure.StrataAutoConfiguration;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code strata.placeholders.*} reach the files in the application and in the migrator: a
 * placeholder's value from the properties, a built-in from the connection, the same
 * replacement in an SQL callback file, and an unknown one refused before anything runs.
 */
@StrataPostgres(databasePerTest = true)
class PlaceholdersMigratorTests {

	@TempDir
	Path migrations;

	private void files() {
		MigratorRun.write(this.migrations, "V1__create_book.sql",
				"create table ${flyway:defaultSchema}.book (id int primary key, title text default '${book_title}');");
		MigratorRun.write(this.migrations, "afterMigrate__grants.sql", "grant select on book to ${reader};");
	}

	@Test
	void startUpReplacesPlaceholdersFromTheProperties(TestDatabase database) {
		files();
		database.execute("drop role if exists readers; create role readers");
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(DataSourceAutoConfiguration.class, StrataAutoConfiguration.class))
			.withPropertyValues("spring.datasource.url=" + database.jdbcUrl(),
					"spring.datasource.username=" + database.username(),
					"spring.datasource.password=" + database.password(),
					"strata.locations=filesystem:" + this.migrations, "strata.placeholders[book_title]=untitled",
					"strata.placeholders.reader=readers")
			.run((context) -> assertThat(context).hasNotFailed());

		assertThat(database.queryForObject("select column_default from information_schema.columns"
				+ " where table_name = 'book' and column_name = 'title'", String.class))
			.contains("'untitled'");
		assertThat(database.queryForObject("select has_table_privilege('readers', 'book', 'select')", Boolean.class))
			.isTrue();
	}

	@Test
	void theMigratorReplacesThemAndRefusesAnUnknownOneBeforeAnythingRuns(TestDatabase database) {
		files();
		database.execute("drop role if exists readers; create role readers");

		MigratorRun missing = MigratorRun.run(database, this.migrations, "strata.placeholders.reader=readers");

		assertThat(missing.exitCode).as(missing.toString()).isEqualTo(3);
		assertThat(missing.output).contains("V1__create_book.sql").contains("${book_title}");
		assertThat(database.queryForObject("select to_regclass('book') is null", Boolean.class)).isTrue();

		MigratorRun run = MigratorRun.run(database, this.migrations, "strata.placeholders.reader=readers",
				"strata.placeholders[book_title]=untitled");

		assertThat(run.exitCode).as(run.toString()).isZero();
		assertThat(database.queryForObject("select has_table_privilege('readers', 'book', 'select')", Boolean.class))
			.isTrue();
	}

}
