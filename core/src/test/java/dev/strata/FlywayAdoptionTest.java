package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.strata.error.ErrorCategory;
import dev.strata.flyway.V2__Backfill_customers;
import dev.strata.migration.code.CodeMigration;
import dev.strata.plan.ValidationProblem;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project real Flyway migrated, switched to Strata: adopted with nothing run again and
 * every checksum verified, then migrated on.
 */
@StrataPostgres(databasePerTest = true)
class FlywayAdoptionTest {

	private static final Map<String, String> PLACEHOLDERS = Map.of("table_prefix", "shop_", "reader", "public");

	@TempDir
	Path dir;

	/**
	 * A realistic Flyway project: it started from an existing database (a baseline at 1),
	 * has versions with dots, a Java migration, repeatables, placeholders, a file with
	 * CRLF line endings and a BOM.
	 */
	private MigrationDir flywayProject(TestDatabase db) {
		db.execute("create table customers (id int primary key, name text)");
		return new MigrationDir(this.dir).write("V1__customers.sql", "create table customers (id int primary key);")
			.write("V1_1__orders.sql",
					"create table ${table_prefix}orders (id int primary key, customer_id int);\n"
							+ "comment on table ${table_prefix}orders is 'built by ${flyway:user}';\n")
			.writeBytes("V3__order_index.sql",
					("\uFEFF-- orders by customer\r\ncreate index on shop_orders (customer_id);\r\n\r\n")
						.getBytes(StandardCharsets.UTF_8))
			.write("R__customer_names.sql",
					"create or replace view customer_names as select name from customers;\n"
							+ "grant select on customer_names to ${reader};\n")
			.write("R__order_counts.sql", "create or replace view order_counts as select count(*) from shop_orders;");
	}

	private static FluentConfiguration flyway(TestDatabase db, Path dir) {
		return Flyway.configure()
			.dataSource(db.dataSource())
			.locations("filesystem:" + dir)
			.placeholders(PLACEHOLDERS)
			.javaMigrations(new V2__Backfill_customers())
			.baselineOnMigrate(true)
			.baselineVersion("1");
	}

	/**
	 * The Java migration, ported to Strata (here by the test's own kind of code
	 * migration).
	 */
	private static final CodeMigration PORTED_BACKFILL = CodeMigration.versioned("2", "Backfill customers",
			(run) -> run.statement(0, "update customers set name = 'unnamed' where name is null", false));

	private Strata strata(TestDatabase db, Consumer<StrataConfig.Builder> customizer) {
		return Db.strata(db, (builder) -> {
			builder.locations("filesystem:" + this.dir)
				.placeholders(PLACEHOLDERS)
				.resolver(() -> List.of(PORTED_BACKFILL));
			customizer.accept(builder);
		});
	}

	@Test
	void adoptsWhatFlywayAppliedAndAppliesOnlyWhatIsNew(TestDatabase db) {
		flywayProject(db);
		flyway(db, this.dir).load().migrate();
		List<String> flywayRows = flywayRows(db);
		new MigrationDir(this.dir).write("V4__customer_email.sql", "alter table customers add column email text;");

		MigrateResult result = strata(db, (builder) -> builder.flywayAdopt(true)).migrate();

		assertThat(result.adopted()).isNotNull();
		assertThat(result.adopted().versioned()).isEqualTo(2);
		assertThat(result.adopted().java()).isEqualTo(1);
		assertThat(result.adopted().repeatable()).isEqualTo(2);
		assertThat(result.adopted().baselineVersion()).isEqualTo("1");
		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::version).containsExactly("4");
		assertThat(result.currentVersion()).isEqualTo("4");
		assertThat(Db.history(db)).containsExactly("1|BASELINE|true", "1.1|SQL|true", "2|JAVA|true", "3|SQL|true",
				"R:customer names|SQL_REPEATABLE|true", "R:order counts|SQL_REPEATABLE|true", "4|SQL|true");
		assertThat(Db.column(db,
				"select s.installed_by || '|' || s.execution_time_ms || '|' || (s.installed_on = f.installed_on::timestamptz)"
						+ " from strata_schema_history s join flyway_schema_history f using (installed_rank)"
						+ " where s.version = '1.1'"))
			.containsExactly(db.username() + "|"
					+ Db.column(db, "select execution_time from flyway_schema_history where version = '1.1'").get(0)
					+ "|true");
		assertThat(Db.column(db, "select checksum is null from strata_schema_history where version = '2'"))
			.containsExactly("t");
		assertThat(flywayRows(db)).isEqualTo(flywayRows);

		StatusResult status = strata(db, (builder) -> builder.flywayAdopt(true)).status();
		assertThat(status.problems()).isEmpty();
		assertThat(status.migrations()).extracting((migration) -> migration.displayName() + " " + migration.state())
			.contains("V1.1 (orders) APPLIED", "V2 (Backfill customers) APPLIED", "V3 (order index) APPLIED",
					"R (customer names) APPLIED", "V4 (customer email) APPLIED");
	}

	@Test
	void aRepeatableMigrationChangedSinceFlywayRanItIsRunAgainAsFlywayWould(TestDatabase db) {
		flywayProject(db);
		flyway(db, this.dir).load().migrate();
		new MigrationDir(this.dir).write("R__order_counts.sql",
				"create or replace view order_counts as select count(*), 2 as version from shop_orders;");

		MigrateResult result = strata(db, (builder) -> builder.flywayAdopt(true)).migrate();

		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::description)
			.containsExactly("order counts");
		assertThat(Db.column(db, "select version from order_counts")).containsExactly("2");
	}

	@Test
	void adoptionIsIdempotent(TestDatabase db) {
		flywayProject(db);
		flyway(db, this.dir).load().migrate();
		Strata strata = strata(db, (builder) -> builder.flywayAdopt(true));
		strata.migrate();
		List<String> history = Db.history(db);

		MigrateResult again = strata.migrate();

		assertThat(again.adopted()).isNull();
		assertThat(again.applied()).isEmpty();
		assertThat(Db.history(db)).isEqualTo(history);
	}

	@Test
	void withoutAdoptFlywaysSchemaIsRefusedNamingFlywayAndTheProperty(TestDatabase db) {
		flywayProject(db);
		flyway(db, this.dir).load().migrate();
		new MigrationDir(this.dir).write("V4__customer_email.sql", "alter table customers add column email text;");

		for (Consumer<StrataConfig.Builder> customizer : List.<Consumer<StrataConfig.Builder>>of((builder) -> {
		}, (builder) -> builder.baselineOnMigrate(true))) {
			ValidationException ex = catchThrowableOfType(ValidationException.class,
					() -> strata(db, customizer).migrate());

			assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
			assertThat(ex.getMessage()).contains("Flyway")
				.contains("flyway_schema_history")
				.contains("strata.flyway.adopt=true");
		}
		ValidationException baseline = catchThrowableOfType(ValidationException.class, () -> strata(db, (builder) -> {
		}).baseline());
		assertThat(baseline.getMessage()).contains("strata.flyway.adopt=true");
		ValidationException repair = catchThrowableOfType(ValidationException.class, () -> strata(db, (builder) -> {
		}).repair());
		assertThat(repair.getMessage()).contains("strata.flyway.adopt=true");
		ValidationException validate = catchThrowableOfType(ValidationException.class,
				() -> strata(db, (builder) -> builder.flywayAdopt(true)).validate());
		assertThat(validate.getMessage()).contains("adopts it at the next migrate");
		assertThat(strata(db, (builder) -> {
		}).status().problems()).extracting(ValidationProblem::fix)
			.singleElement()
			.asString()
			.contains("strata.flyway.adopt=true");
		assertThat(Db.tableExists(db, "strata_schema_history")).isFalse();
		assertThat(Db.column(db,
				"select count(*) from information_schema.columns where table_name = 'customers' and column_name = 'email'"))
			.containsExactly("0");
	}

	@Test
	void adoptsAHistoryFlywayMigratedOutOfOrder(TestDatabase db) {
		MigrationDir files = new MigrationDir(this.dir).write("V1__a.sql", "create table a (id int);")
			.write("V3__c.sql", "create table c (id int);");
		Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + this.dir).load().migrate();
		files.write("V2__b.sql", "create table b (id int);");
		Flyway.configure()
			.dataSource(db.dataSource())
			.locations("filesystem:" + this.dir)
			.outOfOrder(true)
			.load()
			.migrate();
		files.write("V4__d.sql", "create table d (id int);");

		MigrateResult result = Db.strata(db, (builder) -> builder.locations("filesystem:" + this.dir).flywayAdopt(true))
			.migrate();

		assertThat(result.adopted().versioned()).isEqualTo(3);
		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::version).containsExactly("4");
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "3|SQL|true", "2|SQL|true", "4|SQL|true");
	}

	@Test
	void skipsTheRowOfASchemaFlywayCreated(TestDatabase db) {
		new MigrationDir(this.dir).write("V1__a.sql", "create table a (id int);");
		Flyway.configure()
			.dataSource(db.dataSource())
			.schemas("inventory")
			.locations("filesystem:" + this.dir)
			.load()
			.migrate();
		assertThat(Db.column(db, "select type from inventory.flyway_schema_history order by installed_rank"))
			.containsExactly("SCHEMA", "SQL");

		MigrateResult result = Db
			.strata(db, (builder) -> builder.locations("filesystem:" + this.dir).schema("inventory").flywayAdopt(true))
			.migrate();

		assertThat(result.adopted().skipped()).isEqualTo(1);
		assertThat(result.adopted().versioned()).isEqualTo(1);
		assertThat(Db.history(db, "inventory")).containsExactly("1|SQL|true");
	}

	@Test
	void refusesToAdoptWhenFilesDifferFromWhatFlywayAppliedNamingEachOne(TestDatabase db) {
		MigrationDir files = new MigrationDir(this.dir).write("V1__a.sql", "create table a (id int);")
			.write("V2__b.sql", "create table b (id int);")
			.write("V3__c.sql", "create table c (id int);");
		Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + this.dir).load().migrate();
		files.write("V1__a.sql", "create table a (id bigint);")
			.write("V3__c.sql", "create table c (id int);\ncreate table c2 (id int);")
			.write("V4__d.sql", "create table d (id int);");

		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> Db.strata(db, (builder) -> builder.locations("filesystem:" + this.dir).flywayAdopt(true))
					.migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(ex.problems()).extracting(ValidationProblem::migration)
			.containsExactly("filesystem:" + this.dir.resolve("V1__a.sql"),
					"filesystem:" + this.dir.resolve("V3__c.sql"));
		assertThat(Db.tableExists(db, "strata_schema_history")).isFalse();
		assertThat(Db.tableExists(db, "d")).isFalse();
	}

	@Test
	void aFailedFlywayRowIsRefusedAsFlywayWould(TestDatabase db) {
		new MigrationDir(this.dir).write("V1__a.sql", "create table a (id int);")
			.write("V2__index.sql", "create index on a (id);");
		Flyway.configure().dataSource(db.dataSource()).locations("filesystem:" + this.dir).load().migrate();
		// Flyway 13 on PostgreSQL rolls a failed migration back without a row; a
		// non-transactional migration that failed part-way leaves one like this.
		db.execute("update flyway_schema_history set success = false where version = '2'");

		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> Db.strata(db, (builder) -> builder.locations("filesystem:" + this.dir).flywayAdopt(true))
					.migrate());

		assertThat(ex.problems()).extracting(ValidationProblem::kind).containsExactly(ValidationProblem.Kind.FAILED);
		assertThat(ex.getMessage()).contains("V2 (index)").contains("repair");
		assertThat(Db.tableExists(db, "strata_schema_history")).isFalse();
	}

	@Test
	void aJavaMigrationFlywayAppliedMustBePortedBeforeAdoption(TestDatabase db) {
		flywayProject(db);
		flyway(db, this.dir).load().migrate();

		ValidationException ex = catchThrowableOfType(ValidationException.class, () -> Db.strata(db,
				(builder) -> builder.locations("filesystem:" + this.dir).placeholders(PLACEHOLDERS).flywayAdopt(true))
			.migrate());

		assertThat(ex.problems()).extracting((problem) -> problem.kind() + " " + problem.migration())
			.containsExactly("MISSING V2 (Backfill customers)");
		assertThat(Db.tableExists(db, "strata_schema_history")).isFalse();
	}

	private static List<String> flywayRows(TestDatabase db) {
		return Db.column(db, "select installed_rank || '|' || coalesce(version, '') || '|' || type || '|'"
				+ " || coalesce(checksum::text, '') || '|' || success from flyway_schema_history order by 1");
	}

}
