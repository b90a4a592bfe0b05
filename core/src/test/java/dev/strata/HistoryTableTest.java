package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

@StrataPostgres(databasePerTest = true)
class HistoryTableTest {

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files() {
		this.files = new MigrationDir(this.dir).write("V1__init.sql", "create table init (id int);");
	}

	@Test
	void historyIsCreatedInTheCurrentSchemaWithTheDocumentedColumns(TestDatabase db) {
		MigrateResult result = Db.strata(db, this.files.location()).migrate();

		assertThat(result.schema()).isEqualTo("public");
		assertThat(Db.column(db,
				"select column_name from information_schema.columns where table_schema = 'public'"
						+ " and table_name = 'strata_schema_history'"))
			.contains("installed_rank", "version", "description", "type", "script", "checksum", "installed_by",
					"installed_on", "execution_time_ms", "success");
		assertThat(Db.column(db, "select version || '|' || description || '|' || type || '|' || script || '|'"
				+ " || installed_by || '|' || success || '|' || (checksum is not null) || '|' || (installed_on <= now())"
				+ " from strata_schema_history"))
			.containsExactly("1|init|SQL|V1__init.sql|" + db.username() + "|true|true|true");
	}

	@Test
	void currentSchemaFromTheConnectionIsTheDefault(TestDatabase db) {
		db.execute("create schema app");
		PGSimpleDataSource dataSource = (PGSimpleDataSource) db.dataSource();
		dataSource.setCurrentSchema("app");

		MigrateResult result = new Strata(StrataConfig.builder(dataSource).locations(this.files.location()).build())
			.migrate();

		assertThat(result.schema()).isEqualTo("app");
		assertThat(Db.history(db, "app")).containsExactly("1|SQL|true");
		assertThat(Db.tableExists(db, "app.init")).isTrue();
		assertThat(Db.tableExists(db, "public.strata_schema_history")).isFalse();
	}

	@Test
	void configuredSchemaIsCreatedAndHoldsOnlyTheHistory(TestDatabase db) {
		MigrateResult result = Db.strata(db, (builder) -> builder.locations(this.files.location()).schema("audit"))
			.migrate();

		assertThat(result.schema()).isEqualTo("audit");
		assertThat(Db.history(db, "audit")).containsExactly("1|SQL|true");
		// Migrations run with the connection's search_path as configured.
		assertThat(Db.tableExists(db, "public.init")).isTrue();
		assertThat(Db.tableExists(db, "public.strata_schema_history")).isFalse();
	}

	@Test
	void configuredTableNameIsUsed(TestDatabase db) {
		Db.strata(db, (builder) -> builder.locations(this.files.location()).table("my_history")).migrate();

		assertThat(Db.count(db, "select count(*) from public.my_history")).isEqualTo(1);
		assertThat(Db.tableExists(db, "public.strata_schema_history")).isFalse();
	}

	@Test
	void historyInAnotherSchemaIsNeverTakenForAnEmptyOne(TestDatabase db) {
		Db.strata(db, (builder) -> builder.locations(this.files.location()).schema("elsewhere")).migrate();

		StrataException ex = catchThrowableOfType(StrataException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.CONFIGURATION);
		assertThat(ex.getMessage()).contains("\"public\"").contains("\"elsewhere\"").contains("strata.schema");
	}

}
