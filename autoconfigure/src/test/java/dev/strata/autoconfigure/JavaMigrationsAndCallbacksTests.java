package dev.strata.autoconfigure;

import java.sql.Statement;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import dev.strata.callback.CallbackContext;
import dev.strata.callback.CallbackEvent;
import dev.strata.callback.StrataCallback;
import dev.strata.migration.java.BaseJavaMigration;
import dev.strata.migration.java.JavaMigrationContext;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In an application every {@code JavaMigration} bean is a migration and every
 * {@code StrataCallback} bean a callback; both run before the beans that use the schema.
 */
@StrataPostgres(databasePerTest = true)
class JavaMigrationsAndCallbacksTests {

	@Test
	void aMigrationBeanRunsInVersionOrderOnTheMigrationsConnectionBeforeSchemaUsers(TestDatabase database) {
		database.execute("drop role if exists reporting; create role reporting");
		StrataTestContexts.runner(database, "reporting")
			.withUserConfiguration(BackfillConfiguration.class, TotalsReaderConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(TotalsReader.class).nullTotals).isZero();
				assertThat(context.getBean(V2__Backfill_totals.class).ranInTransaction).isTrue();
				assertThat(database.queryForObject(
						"select string_agg(version || ':' || type || ':' || script, ',' order by installed_rank) from "
								+ StrataTestContexts.HISTORY,
						String.class))
					.isEqualTo("1:SQL:V1__create_orders.sql,2:JAVA:" + V2__Backfill_totals.class.getName()
							+ ",3:SQL:V3__total_not_null.sql");
			});
	}

	@Test
	void callbackBeansAndFilesRefreshTheViewAndGrantsOnEveryStartAlsoWithNothingPending(TestDatabase database) {
		database.execute("drop role if exists reporting; create role reporting");
		StrataTestContexts.runner(database, "reporting")
			.withUserConfiguration(BackfillConfiguration.class, RefreshConfiguration.class)
			.run((context) -> assertThat(context).hasNotFailed());
		database.execute("insert into orders values (3, 2); revoke select on orders from reporting");

		StrataTestContexts.runner(database, "reporting")
			.withUserConfiguration(BackfillConfiguration.class, RefreshConfiguration.class)
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context.getBean(RefreshTotals.class).events).containsExactly("afterMigrate");
			});

		assertThat(database.queryForObject("select total from order_totals", Long.class)).isEqualTo(44);
		assertThat(
				database.queryForObject("select has_table_privilege('reporting', 'orders', 'select')", Boolean.class))
			.isTrue();
		assertThat(StrataTestContexts.historyRows(database)).isEqualTo(3);
	}

	@Test
	void aMigrationUsingTheApplicationsJdbcTemplateFailsWithAdviceNotAHang(TestDatabase database) {
		StrataTestContexts.runner(database, "reporting")
			.withUserConfiguration(InjectedConfiguration.class)
			.run((context) -> {
				assertThat(context).hasFailed();
				FailureAnalysis analysis = new StrataFailureAnalyzer().analyze(context.getStartupFailure());
				assertThat(analysis.getDescription()).contains("V2 (Injected)");
				assertThat(analysis.getAction()).contains("MigrationJdbc.template(context.connection())");
				assertThat(StrataTestContexts.historyRows(database)).isEqualTo(1);
			});
	}

	static class V2__Injected extends BaseJavaMigration {

		private final ObjectProvider<JdbcTemplate> jdbc;

		V2__Injected(ObjectProvider<JdbcTemplate> jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public void migrate(JavaMigrationContext context) throws Exception {
			this.jdbc.getObject().update("update orders set total = 1 where total is null");
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class InjectedConfiguration {

		@Bean
		V2__Injected injected(ObjectProvider<JdbcTemplate> jdbc) {
			return new V2__Injected(jdbc);
		}

	}

	static class V2__Backfill_totals extends BaseJavaMigration {

		private final Defaults defaults;

		volatile boolean ranInTransaction;

		V2__Backfill_totals(Defaults defaults) {
			this.defaults = defaults;
		}

		@Override
		public void migrate(JavaMigrationContext context) throws Exception {
			this.ranInTransaction = !context.connection().getAutoCommit();
			JdbcTemplate jdbc = MigrationJdbc.template(context.connection());
			jdbc.update("update orders set total = ? where total is null", this.defaults.total());
		}

	}

	/** Stands for an application service a migration uses; it needs no schema. */
	record Defaults(int total) {

	}

	@Configuration(proxyBeanMethods = false)
	static class BackfillConfiguration {

		@Bean
		Defaults defaults() {
			return new Defaults(2);
		}

		@Bean
		V2__Backfill_totals backfill(Defaults defaults) {
			return new V2__Backfill_totals(defaults);
		}

	}

	static final class TotalsReader {

		final long nullTotals;

		TotalsReader(long nullTotals) {
			this.nullTotals = nullTotals;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class TotalsReaderConfiguration {

		@Bean
		TotalsReader totalsReader(JdbcTemplate jdbcTemplate) {
			return new TotalsReader(
					jdbcTemplate.queryForObject("select count(*) from orders where total is null", Long.class));
		}

	}

	static class RefreshTotals implements StrataCallback {

		final List<String> events = new CopyOnWriteArrayList<>();

		@Override
		public boolean supports(CallbackEvent event) {
			return event == CallbackEvent.AFTER_MIGRATE;
		}

		@Override
		public void handle(CallbackEvent event, CallbackContext context) throws Exception {
			this.events.add(event.fileName());
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("refresh materialized view concurrently order_totals");
			}
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class RefreshConfiguration {

		@Bean
		RefreshTotals refreshTotals() {
			return new RefreshTotals();
		}

	}

}
