package dev.strata.guard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;

import dev.strata.error.ErrorCategory;
import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.guard.policy.RuleMode;
import dev.strata.guard.report.LintResult;
import dev.strata.guard.report.LintScope;
import dev.strata.migration.MigrationPreparationException;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@StrataPostgres(databasePerTest = true)
class GuardMigrateTest {

	private static final String V1 = """
			CREATE TABLE users (id bigint PRIMARY KEY, email text, name text);
			INSERT INTO users SELECT g, 'u' || g || '@example.com', 'user ' || g FROM generate_series(1, 50) g;
			""";

	@TempDir
	Path dir;

	MigrationDir migrations;

	@BeforeEach
	void migrateFirstVersion(TestDatabase db) {
		this.migrations = new MigrationDir(this.dir).write("V1__users.sql", V1);
		new Strata(this.migrations.config(db.dataSource()).build()).migrate();
	}

	@Test
	void refusesDropColumnWithoutDirectiveAndAppliesNothing(TestDatabase db) {
		this.migrations.write("V2__orders.sql", "CREATE TABLE orders (id int);")
			.write("V3__drop_email.sql", "-- tidy up\nALTER TABLE users\n  DROP COLUMN email;\n");
		GuardRefusedException refusal = catchThrowableOfType(GuardRefusedException.class,
				() -> strata(db, this.migrations.config(db.dataSource())).migrate());
		assertThat(refusal.category()).isEqualTo(ErrorCategory.REFUSED);
		assertThat(refusal.getMessage()).contains("V3__drop_email.sql:3:3 [drop-column]")
			.contains("drops column email of users")
			.contains("-- strata:allow drop-column reason=\"…\"")
			.contains("nothing was applied");
		assertThat(columnExists(db, "users", "email")).isTrue();
		assertThat(db.queryForObject("select to_regclass('orders')::text", String.class)).isNull();
		assertThat(db.queryForObject("select count(*) from strata_schema_history", Long.class)).isEqualTo(1);
	}

	@Test
	void refusalOnAFreshDatabaseLeavesItEmpty(TestDatabase db) {
		this.migrations.write("V2__drop.sql", "DROP TABLE users;");
		db.execute(
				"DROP TABLE users; DROP TABLE strata_schema_history; DROP TABLE IF EXISTS strata_schema_history_snapshot");
		this.migrations.write("V1__users.sql", V1 + "\nDROP TABLE users;\nCREATE TABLE users (id int);");
		// V2 drops a table V1 created: exempt within V1, but V2 is another migration.
		assertThatThrownBy(() -> strata(db, this.migrations.config(db.dataSource())).migrate())
			.isInstanceOf(GuardRefusedException.class)
			.hasMessageContaining("V2__drop.sql:1:1 [drop-table]");
		assertThat(db.queryForObject("select count(*) from pg_tables where schemaname = 'public'", Long.class))
			.isZero();
	}

	@Test
	void tablesASelectIntoOrCreateTableAsMadeMayBeDroppedInTheSameMigration(TestDatabase db) {
		this.migrations.write("V2__scratch.sql", """
				SELECT id, email INTO TEMP scratch FROM users;
				DELETE FROM scratch WHERE id > 10;
				CREATE UNLOGGED TABLE IF NOT EXISTS copy AS SELECT * FROM scratch;
				TRUNCATE copy;
				DROP TABLE copy;
				DROP TABLE scratch;
				""");
		strata(db, this.migrations.config(db.dataSource())).migrate();
		assertThat(db.queryForObject("select count(*) from strata_schema_history where success", Long.class))
			.isEqualTo(2);
		assertThat(db.queryForObject("select count(*) from users", Long.class)).isEqualTo(50);
	}

	@Test
	void globalSwitchLetsDestructiveStatementsThrough(TestDatabase db) {
		this.migrations.write("V2__drop_email.sql", "ALTER TABLE users DROP COLUMN email;");
		strata(db, this.migrations.config(db.dataSource()).allowDestructive(true)).migrate();
		assertThat(columnExists(db, "users", "email")).isFalse();
	}

	@Test
	void directiveAboveTheStatementAllowsIt(TestDatabase db) {
		this.migrations.write("V2__drop_email.sql", """
				CREATE TABLE keep (id int);
				-- strata:allow drop-column reason="replaced by email_normalized in V41"
				ALTER TABLE users DROP COLUMN email;
				""");
		strata(db, this.migrations.config(db.dataSource())).migrate();
		assertThat(columnExists(db, "users", "email")).isFalse();
	}

	@Test
	void directiveAtTheTopOfTheFileCoversTheWholeFile(TestDatabase db) {
		this.migrations.write("V2__cleanup.sql", """
				-- strata:allow drop-column,delete reason="GDPR clean-up, ticket 123"

				DELETE FROM users WHERE id > 40;
				ALTER TABLE users DROP COLUMN name;
				""");
		strata(db, this.migrations.config(db.dataSource())).migrate();
		assertThat(db.queryForObject("select count(*) from users", Long.class)).isEqualTo(40);
	}

	@Test
	void directiveAboveAnotherStatementDoesNotAllow(TestDatabase db) {
		this.migrations.write("V2__drop.sql", """
				-- strata:allow drop-column reason="old"
				CREATE TABLE other (id int);
				ALTER TABLE users DROP COLUMN name;
				""");
		assertThatThrownBy(() -> strata(db, this.migrations.config(db.dataSource())).migrate())
			.isInstanceOf(GuardRefusedException.class)
			.hasMessageContaining("V2__drop.sql:3:19 [drop-column]");
	}

	@Test
	void directiveWithAnUnknownRuleIsAnError(TestDatabase db) {
		this.migrations.write("V2__drop.sql",
				"-- strata:allow drop-colum reason=\"typo\"\nALTER TABLE users DROP COLUMN name;");
		assertThatThrownBy(() -> strata(db, this.migrations.config(db.dataSource())).migrate())
			.isInstanceOf(MigrationPreparationException.class)
			.hasMessageContaining("V2__drop.sql:1 strata:allow directive names no guard rule 'drop-colum'");
	}

	@Test
	void strictModeRefusesLockingFindings(TestDatabase db) {
		this.migrations.write("V2__index.sql", "CREATE INDEX users_email ON users (email);");
		assertThatThrownBy(() -> strata(db, this.migrations.config(db.dataSource()).guardStrict(true)).migrate())
			.isInstanceOf(GuardRefusedException.class)
			.hasMessageContaining("[create-index-not-concurrently]");
		strata(db, this.migrations.config(db.dataSource())).migrate();
		assertThat(db.queryForObject("select to_regclass('users_email')::text", String.class)).isEqualTo("users_email");
	}

	@Test
	void perRuleModes(TestDatabase db) {
		this.migrations.write("V2__index.sql", "CREATE INDEX users_email ON users (email);");
		assertThatThrownBy(() -> strata(db,
				this.migrations.config(db.dataSource()).guardRule("create-index-not-concurrently", RuleMode.REFUSE))
			.migrate()).isInstanceOf(GuardRefusedException.class);
		this.migrations.write("V3__drop.sql", "ALTER TABLE users DROP COLUMN name;");
		strata(db, this.migrations.config(db.dataSource()).guardRule("drop-column", RuleMode.WARN)).migrate();
		assertThat(columnExists(db, "users", "name")).isFalse();
	}

	@Test
	void baselineVersionSkipsOldMigrations(TestDatabase db) {
		this.migrations.write("V2__drop.sql", "ALTER TABLE users DROP COLUMN name;");
		strata(db, this.migrations.config(db.dataSource()).guardBaselineVersion("2")).migrate();
		assertThat(columnExists(db, "users", "name")).isFalse();
	}

	@Test
	void lockingFindingOnALargeTableRefuses(TestDatabase db) {
		db.execute(
				"CREATE TABLE big (id int, n int); INSERT INTO big SELECT g, g % 7 FROM generate_series(1, 120000) g;"
						+ " ANALYZE big");
		this.migrations.write("V2__index.sql", "CREATE INDEX big_n ON big (n);");
		assertThatThrownBy(() -> strata(db, this.migrations.config(db.dataSource())).migrate())
			.isInstanceOf(GuardRefusedException.class)
			.hasMessageContaining("[create-index-not-concurrently]")
			.hasMessageContaining("table big has ~120,000 rows")
			.hasMessageContaining("above strata.guard.large-table-rows=100000");
		strata(db, this.migrations.config(db.dataSource()).largeTableRows(1_000_000)).migrate();
		assertThat(db.queryForObject("select to_regclass('big_n')::text", String.class)).isEqualTo("big_n");
	}

	@Test
	void effectCheckRefusesADropHiddenInADoBlock(TestDatabase db) {
		db.execute("CREATE TABLE customers (id int); INSERT INTO customers VALUES (1), (2)");
		this.migrations.write("V2__sneaky.sql", "DO $$ BEGIN EXECUTE 'DROP TABLE ' || 'customers'; END $$;");
		assertThatThrownBy(() -> strata(db, this.migrations.config(db.dataSource())).migrate())
			.isInstanceOf(GuardRefusedException.class)
			.hasMessageContaining("V2__sneaky.sql:1:1 [drop-table]")
			.hasMessageContaining("dropped table public.customers (seen by the effect check)")
			.hasMessageContaining("rolled back");
		assertThat(db.queryForObject("select count(*) from customers", Long.class)).isEqualTo(2);
		assertThat(db.queryForObject("select count(*) from strata_schema_history", Long.class)).isEqualTo(1);
	}

	@Test
	void effectCheckSeesDeletedRowsAndHonoursDirectives(TestDatabase db) {
		this.migrations.write("V2__purge.sql", "SELECT 1; DO $$ BEGIN DELETE FROM users WHERE id > 10; END $$;");
		assertThatThrownBy(() -> strata(db, this.migrations.config(db.dataSource())).migrate())
			.isInstanceOf(GuardRefusedException.class)
			.hasMessageContaining("[delete]")
			.hasMessageContaining("deleted 40 rows of table public.users");
		this.migrations.write("V2__purge.sql", "SELECT 1;\n-- strata:allow delete reason=\"test accounts\"\n"
				+ "DO $$ BEGIN DELETE FROM users WHERE id > 10; END $$;");
		strata(db, this.migrations.config(db.dataSource())).migrate();
		assertThat(db.queryForObject("select count(*) from users", Long.class)).isEqualTo(10);
	}

	@Test
	void lintReportsPendingMigrationsWithSizesAndAppliesNothing(TestDatabase db) {
		this.migrations.write("V2__drop_email.sql",
				"ALTER TABLE users DROP COLUMN email;\nCREATE INDEX ON users (name);");
		LintResult result = strata(db, this.migrations.config(db.dataSource())).lint();
		assertThat(result.migrations()).hasSize(1);
		assertThat(result.verdictLine()).isEqualTo("REFUSED: 1 destructive statement not allowed");
		assertThat(result.migrations().get(0).assessments().get(1).note()).startsWith("table users has ~");
		assertThat(columnExists(db, "users", "email")).isTrue();
		LintResult all = strata(db, this.migrations.config(db.dataSource()).lintScope(LintScope.ALL)).lint();
		assertThat(all.migrations()).hasSize(2);
	}

	@Test
	void lockingATableCreatedEarlierInTheSameRunIsNoFinding(TestDatabase db) {
		this.migrations.write("V2__orders.sql", "CREATE TABLE orders (id int, user_id int);")
			.write("V3__orders_index.sql", "CREATE INDEX orders_user ON orders (user_id);");
		LintResult pending = strata(db, this.migrations.config(db.dataSource())).lint();
		assertThat(pending.migrations()).hasSize(2)
			.allSatisfy((migration) -> assertThat(migration.assessments()).isEmpty());
		LintResult all = strata(db, this.migrations.config(db.dataSource()).lintScope(LintScope.ALL)).lint();
		assertThat(all.migrations().get(2).assessments()).extracting((a) -> a.finding().ruleId())
			.containsExactly("create-index-not-concurrently");
		strata(db, this.migrations.config(db.dataSource()).guardStrict(true)).migrate();
		assertThat(db.queryForObject("select to_regclass('orders_user')::text", String.class)).isEqualTo("orders_user");
		// In a later run the table exists and other sessions may use it: the finding is
		// back.
		this.migrations.write("V4__orders_index_2.sql", "CREATE INDEX orders_id ON orders (id);");
		assertThatThrownBy(() -> strata(db, this.migrations.config(db.dataSource()).guardStrict(true)).migrate())
			.isInstanceOf(GuardRefusedException.class)
			.hasMessageContaining("V4__orders_index_2.sql:1:1 [create-index-not-concurrently]");
	}

	private static Strata strata(TestDatabase db, StrataConfig.Builder builder) {
		return new Strata(builder.build());
	}

	private static boolean columnExists(TestDatabase db, String table, String column) {
		return db.queryForObject("select count(*) from information_schema.columns where table_name = '" + table
				+ "' and column_name = '" + column + "'", Long.class) == 1;
	}

}
