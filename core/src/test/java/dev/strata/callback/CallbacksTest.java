package dev.strata.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.strata.MigrateResult;
import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.execute.MigrationFailedException;
import dev.strata.guard.GuardRefusedException;
import dev.strata.guard.report.LintResult;
import dev.strata.guard.report.Verdict;
import dev.strata.source.MigrationSourceException;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Flyway's SQL callback files and {@link StrataCallback}s run at the same points of a
 * {@code migrate} run as in Flyway, are judged by the guard, and leave no history row.
 */
@StrataPostgres(databasePerTest = true)
class CallbacksTest {

	private static final String SCHEMA = """
			create table orders (id int primary key, total int not null);
			create materialized view order_totals as select count(*) as orders, coalesce(sum(total), 0) as total
			  from orders;
			create unique index order_totals_one on order_totals (orders);
			""";

	@TempDir
	Path dir;

	@Test
	void afterMigrateFilesRefreshGrantsAndAMaterializedViewOnEveryRunAlsoWithNothingPending(TestDatabase db)
			throws Exception {
		db.execute("drop role if exists reporting; create role reporting");
		sql("V1__orders.sql", SCHEMA);
		sql("afterMigrate__1_grants.sql", "grant select on all tables in schema public to reporting;");
		sql("afterMigrate__2_refresh_totals.sql", "refresh materialized view concurrently order_totals;");

		MigrateResult first = strata(db).migrate();

		assertThat(first.applied()).hasSize(1);
		assertThat(canRead(db, "orders")).isTrue();
		assertThat(canRead(db, "order_totals")).isTrue();
		db.execute("insert into orders values (1, 30), (2, 12); revoke select on orders from reporting");

		MigrateResult nothingPending = strata(db).migrate();

		assertThat(nothingPending.applied()).isEmpty();
		assertThat(db.queryForObject("select total from order_totals", Long.class)).isEqualTo(42);
		assertThat(canRead(db, "orders")).isTrue();
		assertThat(db.queryForObject("select count(*) from strata_schema_history", Long.class)).isEqualTo(1);
	}

	/** As in Flyway, a callback file's placeholders are replaced like a migration's. */
	@Test
	void callbackFilesReplacePlaceholdersAsMigrationsDo(TestDatabase db) throws Exception {
		db.execute("drop role if exists analysts; create role analysts");
		sql("V1__orders.sql", SCHEMA);
		sql("afterMigrate__grants.sql", "grant select on all tables in schema ${flyway:defaultSchema} to ${reader};");

		MigrateResult result = new Strata(StrataConfig.builder(db.dataSource())
			.locations("filesystem:" + this.dir)
			.lockWaitTimeout(Duration.ofSeconds(30))
			.placeholder("reader", "analysts")
			.build()).migrate();

		assertThat(result.applied()).hasSize(1);
		assertThat(db.queryForObject("select has_table_privilege('analysts', 'orders', 'select')", Boolean.class))
			.isTrue();
	}

	/**
	 * An unknown placeholder in a callback file stops the run before anything is applied.
	 */
	@Test
	void anUnknownPlaceholderInACallbackFileAppliesNothing(TestDatabase db) throws Exception {
		sql("V1__orders.sql", SCHEMA);
		sql("afterMigrate__grants.sql", "grant select on orders to ${nobody_set_this};");

		assertThatThrownBy(() -> strata(db).migrate()).hasMessageContaining("afterMigrate__grants.sql")
			.hasMessageContaining("nobody_set_this");
		assertThat(db.queryForObject("select to_regclass('orders') is null", Boolean.class)).isTrue();
	}

	@Test
	void aCallbackBeanRefreshesTheViewOnEveryRunAlsoWithNothingPending(TestDatabase db) throws Exception {
		sql("V1__orders.sql", SCHEMA);
		List<String> events = new ArrayList<>();
		StrataCallback refresh = new StrataCallback() {

			@Override
			public boolean supports(CallbackEvent event) {
				return true;
			}

			@Override
			public void handle(CallbackEvent event, CallbackContext context) throws Exception {
				events.add(event.fileName() + ((context.migration() != null) ? " " + context.migration().version() : "")
						+ " autocommit=" + context.connection().getAutoCommit());
				if (event == CallbackEvent.AFTER_MIGRATE) {
					try (Statement statement = context.connection().createStatement()) {
						statement.execute("refresh materialized view concurrently order_totals");
					}
				}
			}

		};

		strata(db, refresh).migrate();
		db.execute("insert into orders values (1, 5)");
		strata(db, refresh).migrate();

		assertThat(events).containsExactly("beforeMigrate autocommit=false", "beforeEachMigrate 1 autocommit=false",
				"afterEachMigrate 1 autocommit=false", "afterMigrate autocommit=false",
				"beforeMigrate autocommit=false", "afterMigrate autocommit=false");
		assertThat(db.queryForObject("select total from order_totals", Long.class)).isEqualTo(5);
	}

	@Test
	void eachMigrationCallbacksRunInsideTheMigrationsTransactionAndFailWithIt(TestDatabase db) throws Exception {
		db.execute("create schema ops; create table ops.audit (what text, at_txid bigint)");
		sql("beforeMigrate.sql", "insert into ops.audit values ('run', null);");
		sql("beforeEachMigrate.sql", "insert into ops.audit values ('before', txid_current());");
		sql("afterEachMigrate__audit.sql", "insert into ops.audit values ('after', txid_current());");
		sql("afterMigrateError.sql", "insert into ops.audit values ('error', null);");
		sql("V1__orders.sql", "create table orders (id int primary key);");
		sql("V2__broken.sql", "insert into orders values (1); insert into nowhere values (1);");

		MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class, () -> strata(db).migrate());

		assertThat(ex.getMessage()).contains("V2 (broken)");
		assertThat(db.queryForObject("select string_agg(what, ',' order by what) from ops.audit", String.class))
			.isEqualTo("after,before,error,run");
		assertThat(db.queryForObject("select count(distinct at_txid) from ops.audit where at_txid is not null",
				Long.class))
			.isEqualTo(1);
		assertThat(db.queryForObject("select count(*) from strata_schema_history", Long.class)).isEqualTo(1);
	}

	@Test
	void aDestructiveCallbackIsRefusedByTheGuardBeforeAnythingRuns(TestDatabase db) throws Exception {
		db.execute("create table sessions (id int)");
		sql("V1__orders.sql", "create table orders (id int primary key);");
		sql("afterMigrate__cleanup.sql", "drop table sessions;");

		GuardRefusedException ex = catchThrowableOfType(GuardRefusedException.class, () -> strata(db).migrate());

		assertThat(ex.getMessage()).contains("drop-table").contains("afterMigrate__cleanup.sql");
		assertThat(db.queryForObject("select to_regclass('orders') is null", Boolean.class)).isTrue();
		assertThat(db.queryForObject("select to_regclass('sessions') is not null", Boolean.class)).isTrue();
	}

	@Test
	void theLintJudgesCallbackFilesWhateverIsPending(TestDatabase db) throws Exception {
		sql("V1__orders.sql", "create table orders (id int primary key);");
		sql("afterMigrate__grants.sql", "grant select on orders to public;");
		strata(db).migrate();
		sql("afterMigrate__cleanup.sql", "-- no longer needed\ndrop table orders;");

		LintResult lint = strata(db).lint();

		assertThat(lint.verdict()).isEqualTo(Verdict.REFUSED);
		assertThat(lint.refused()).extracting((refused) -> refused.finding().ruleId()).containsExactly("drop-table");
		assertThat(lint.refused().get(0).finding().file()).endsWith("afterMigrate__cleanup.sql");
	}

	@Test
	void aCallbackForAnEventStrataDoesNotRunIsRefusedNamingTheFile(TestDatabase db) throws Exception {
		sql("V1__orders.sql", "create table orders (id int primary key);");
		sql("beforeValidate.sql", "select 1;");

		MigrationSourceException ex = catchThrowableOfType(MigrationSourceException.class, () -> strata(db).migrate());

		assertThat(ex.getMessage()).contains("beforeValidate.sql").contains("beforeValidate");
	}

	private Strata strata(TestDatabase db, StrataCallback... callbacks) {
		return new Strata(StrataConfig.builder(db.dataSource())
			.locations("filesystem:" + this.dir)
			.lockWaitTimeout(Duration.ofSeconds(30))
			.callbacks(callbacks)
			.build());
	}

	private void sql(String name, String text) throws Exception {
		Files.writeString(this.dir.resolve(name), text);
	}

	private static boolean canRead(TestDatabase db, String table) {
		return db.queryForObject("select has_table_privilege('reporting', '" + table + "', 'select')", Boolean.class);
	}

}
