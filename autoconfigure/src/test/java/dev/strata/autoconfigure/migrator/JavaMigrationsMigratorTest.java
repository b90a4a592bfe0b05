package dev.strata.autoconfigure.migrator;

import java.nio.file.Path;
import java.sql.Statement;

import dev.strata.migration.java.BaseJavaMigration;
import dev.strata.migration.java.JavaMigrationContext;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrator applies and lists Java migration beans, and runs callbacks, as the
 * application does.
 */
@StrataPostgres(databasePerTest = true)
class JavaMigrationsMigratorTest {

	@TempDir
	Path migrations;

	@Test
	void migrateAppliesJavaMigrationsAndRunsCallbacksAndStatusListsThem(TestDatabase database) {
		MigratorRun.write(this.migrations, "V1__create_book.sql",
				"create table book (id int primary key, title text);");
		MigratorRun.write(this.migrations, "afterMigrate__count_books.sql",
				"create table if not exists book_count (books bigint);"
						+ " insert into book_count select count(*) from book;");
		Class<?>[] application = { BooksConfiguration.class };

		MigratorRun migrate = MigratorRun.runWithUserConfiguration(database, this.migrations, application,
				"strata.migrator.output=json");
		MigratorRun status = MigratorRun.runWithUserConfiguration(database, this.migrations, application,
				"strata.migrator.command=status", "strata.migrator.output=json");

		assertThat(migrate.exitCode).as(migrate.output).isZero();
		assertThat(migrate.json().get("applied")).hasSize(2);
		assertThat(database.queryForObject("select books from book_count", Long.class)).isEqualTo(2);
		assertThat(status.exitCode).isZero();
		JsonNode listed = status.json().get("migrations");
		assertThat(listed).hasSize(2);
		assertThat(listed.get(1).get("version").asString()).isEqualTo("2");
		assertThat(listed.get(1).get("type").asString()).isEqualTo("JAVA");
		assertThat(listed.get(1).get("script").asString()).isEqualTo(V2__Seed_books.class.getName());
		assertThat(listed.get(1).get("state").asString()).isEqualTo("APPLIED");
	}

	static class V2__Seed_books extends BaseJavaMigration {

		@Override
		public void migrate(JavaMigrationContext context) throws Exception {
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("insert into book values (1, 'Dune'), (2, 'Emma')");
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class BooksConfiguration {

		@Bean
		V2__Seed_books seedBooks() {
			return new V2__Seed_books();
		}

	}

}
