package dev.strata.migration.java;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.strata.MigrateResult;
import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.ValidationException;
import dev.strata.execute.MigrationFailedException;
import dev.strata.guard.GuardRefusedException;
import dev.strata.plan.MigrationState;
import dev.strata.plan.MigrationStatus;
import dev.strata.plan.ValidationProblem;
import dev.strata.source.MigrationSourceException;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Java migrations, registered and scanned, run between the SQL files with the same
 * transaction, timeouts, history and guard.
 */
@StrataPostgres(databasePerTest = true)
class JavaMigrationTest {

	@TempDir
	Path dir;

	@Test
	void registeredMigrationsRunInVersionOrderUnderTheMigrationsSettingsAndAreRecordedAsJava(TestDatabase db)
			throws Exception {
		sql("V1__accounts.sql", "create table accounts (id int primary key, total int);"
				+ " insert into accounts values (1, null), (2, null);");
		sql("V3__not_null.sql", "alter table accounts alter column total set not null;");
		V2__Backfill_totals backfill = new V2__Backfill_totals();

		MigrateResult result = new Strata(strata(db).javaMigrations(backfill, new R__Account_summary(1)).build())
			.migrate();

		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::version)
			.containsExactly("1", "2", "3", null);
		assertThat(backfill.seen).containsExactly("transactional=true autocommit=false lock_timeout=10s");
		assertThat(db.queryForObject("select count(*) from accounts where total = 0", Long.class)).isEqualTo(2);
		assertThat(db.queryForObject("select count(*) from account_summary", Long.class)).isEqualTo(1);
		assertThat(history(db)).containsExactly("1|SQL|V1__accounts.sql|true",
				"2|JAVA|" + V2__Backfill_totals.class.getName() + "|true", "3|SQL|V3__not_null.sql|true",
				"null|JAVA_REPEATABLE|" + R__Account_summary.class.getName() + "|true");
		assertThat(db.queryForObject("select description from strata_schema_history where version = '2'", String.class))
			.isEqualTo("Backfill totals");
	}

	@Test
	void aRepeatableJavaMigrationRunsAgainWhenItsChecksumChanges(TestDatabase db) throws Exception {
		sql("V1__accounts.sql", "create table accounts (id int primary key, total int);");
		new Strata(strata(db).javaMigrations(new R__Account_summary(1)).build()).migrate();
		MigrateResult same = new Strata(strata(db).javaMigrations(new R__Account_summary(1)).build()).migrate();
		MigrateResult changed = new Strata(strata(db).javaMigrations(new R__Account_summary(2)).build()).migrate();

		assertThat(same.applied()).isEmpty();
		assertThat(changed.applied()).extracting(MigrateResult.AppliedReport::description)
			.containsExactly("Account summary");
		assertThat(db.queryForObject("select count(*) from strata_schema_history where type = 'JAVA_REPEATABLE'",
				Long.class))
			.isEqualTo(2);
	}

	@Test
	void migrationsScannedFromAPackageTakeTheirVersionsFromTheClassNameOrDeclareThem(TestDatabase db) throws Exception {
		sql("V1__currencies.sql", "create table currencies (code text primary key);");

		Strata strata = new Strata(strata(db).javaMigrationPackages("dev.strata.migration.java.scanned").build());
		MigrateResult result = strata.migrate();

		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::version)
			.containsExactly("1", "1.1", "1.2");
		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::description)
			.containsExactly("currencies", "Seed currencies", "add francs");
		assertThat(db.queryForObject("select string_agg(code, ',' order by code) from currencies", String.class))
			.isEqualTo("CHF,EUR,USD");
		assertThat(strata.status().migrations()).extracting(MigrationStatus::script)
			.containsExactly("V1__currencies.sql", "dev.strata.migration.java.scanned.V1_1__Seed_currencies",
					"dev.strata.migration.java.scanned.AddFrancs");
		assertThat(strata.status().migrations()).extracting(MigrationStatus::state)
			.containsOnly(MigrationState.APPLIED);
	}

	@Test
	void aFailingMigrationIsRolledBackWithEverythingItDid(TestDatabase db) throws Exception {
		sql("V1__accounts.sql", "create table accounts (id int primary key);");
		JavaMigration failing = new Declared("2", "copy accounts", (context) -> {
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("create table accounts_copy (id int)");
				statement.execute("insert into accounts values (1)");
			}
			throw new IllegalStateException("the ledger service is down");
		});

		MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
				() -> new Strata(strata(db).javaMigrations(failing).build()).migrate());

		assertThat(ex.rolledBack()).isTrue();
		assertThat(ex.getMessage()).contains("V2 (copy accounts)").contains("the ledger service is down");
		assertThat(db.queryForObject("select to_regclass('accounts_copy') is null", Boolean.class)).isTrue();
		assertThat(db.queryForObject("select count(*) from accounts", Long.class)).isZero();
		assertThat(history(db)).containsExactly("1|SQL|V1__accounts.sql|true");
	}

	@Test
	void aMigrationThatOptsOutOfTheTransactionRunsInAutocommit(TestDatabase db) throws Exception {
		sql("V1__accounts.sql", "create table accounts (id int primary key, email text);");
		List<String> seen = new ArrayList<>();
		JavaMigration concurrently = new Declared("2", "index emails", (context) -> {
			seen.add(
					"transactional=" + context.transactional() + " autocommit=" + context.connection().getAutoCommit());
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("create index concurrently accounts_email on accounts (email)");
			}
		}) {

			@Override
			public boolean canExecuteInTransaction() {
				return false;
			}

		};

		new Strata(strata(db).javaMigrations(concurrently).build()).migrate();

		assertThat(seen).containsExactly("transactional=false autocommit=true");
		assertThat(db.queryForObject("select to_regclass('accounts_email') is not null", Boolean.class)).isTrue();
		assertThat(history(db)).hasSize(2).last().asString().startsWith("2|JAVA|");
	}

	@Test
	void aChangedChecksumOfAnAppliedMigrationIsAValidationProblem(TestDatabase db) throws Exception {
		new Strata(strata(db).javaMigrations(new Checksummed(7)).build()).migrate();

		new Strata(strata(db).javaMigrations(new Checksummed(7)).build()).validate();
		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> new Strata(strata(db).javaMigrations(new Checksummed(8)).build()).validate());

		assertThat(ex.problems()).extracting(ValidationProblem::kind)
			.containsExactly(ValidationProblem.Kind.CHECKSUM_MISMATCH);
		assertThat(ex.problems().get(0).detail()).contains(Checksummed.class.getName()).contains("7").contains("8");
	}

	@Test
	void theEffectCheckRefusesDeletedRowsAndADroppedColumnUnlessAllowed(TestDatabase db) throws Exception {
		sql("V1__accounts.sql",
				"create table accounts (id int primary key, legacy text); insert into accounts values (1, 'x'), (2, 'y');");
		new Strata(strata(db).build()).migrate();

		GuardRefusedException deleting = catchThrowableOfType(GuardRefusedException.class,
				() -> new Strata(strata(db).javaMigrations(new V2__Purge_accounts()).build()).migrate());
		GuardRefusedException dropping = catchThrowableOfType(GuardRefusedException.class,
				() -> new Strata(strata(db).javaMigrations(new V2__Drop_legacy()).build()).migrate());

		assertThat(deleting.getMessage()).contains("delete").contains("V2 (Purge accounts)");
		assertThat(dropping.getMessage()).contains("drop-column").contains("V2 (Drop legacy)");
		assertThat(db.queryForObject("select count(*) from accounts", Long.class)).isEqualTo(2);
		assertThat(history(db)).containsExactly("1|SQL|V1__accounts.sql|true");

		new Strata(strata(db).javaMigrations(new V2__Drop_legacy_allowed()).build()).migrate();

		assertThat(db.queryForObject(
				"select count(*) from information_schema.columns where table_name = 'accounts' and column_name = 'legacy'",
				Long.class))
			.isZero();
		assertThat(history(db)).hasSize(2);
	}

	@Test
	void aClassNameWithoutAVersionIsRefusedNamingTheClass(TestDatabase db) {
		MigrationSourceException ex = catchThrowableOfType(MigrationSourceException.class,
				() -> new Strata(strata(db).javaMigrations(new BackfillWithoutVersion()).build()).migrate());

		assertThat(ex.getMessage()).contains(BackfillWithoutVersion.class.getName())
			.contains("not a valid Java migration name");
	}

	@Test
	void aProxySubclassGeneratedAtRunTimeIsNamedAfterTheMigrationItProxies(TestDatabase db) throws Exception {
		sql("V1__accounts.sql", "create table accounts (id int primary key, legacy text);");

		new Strata(strata(db).javaMigrations(new V2__Drop_legacy_allowed$$SpringCGLIB$$0()).build()).migrate();

		assertThat(history(db)).last().isEqualTo("2|JAVA|" + V2__Drop_legacy_allowed.class.getName() + "|true");
	}

	private StrataConfig.Builder strata(TestDatabase db) {
		return StrataConfig.builder(db.dataSource())
			.locations("filesystem:" + this.dir)
			.lockWaitTimeout(Duration.ofSeconds(30));
	}

	private void sql(String name, String text) throws Exception {
		Files.writeString(this.dir.resolve(name), text);
	}

	private static List<String> history(TestDatabase db) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(
						"select version, type, script, success from strata_schema_history order by installed_rank")) {
			while (rs.next()) {
				rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3) + "|" + rs.getBoolean(4));
			}
		}
		return rows;
	}

	static class V2__Backfill_totals extends BaseJavaMigration {

		final List<String> seen = new ArrayList<>();

		@Override
		public void migrate(JavaMigrationContext context) throws Exception {
			Connection connection = context.connection();
			try (Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("select current_setting('lock_timeout')")) {
				rs.next();
				this.seen.add("transactional=" + context.transactional() + " autocommit=" + connection.getAutoCommit()
						+ " lock_timeout=" + rs.getString(1));
			}
			try (Statement statement = connection.createStatement()) {
				statement.execute("update accounts set total = 0 where total is null");
			}
		}

	}

	static class R__Account_summary extends BaseJavaMigration {

		private final int checksum;

		R__Account_summary(int checksum) {
			this.checksum = checksum;
		}

		@Override
		public Integer checksum() {
			return this.checksum;
		}

		@Override
		public void migrate(JavaMigrationContext context) throws Exception {
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("create table if not exists account_summary (accounts bigint)");
				statement.execute("truncate account_summary");
				statement.execute("insert into account_summary select count(*) from accounts");
			}
		}

	}

	static class Checksummed extends BaseJavaMigration {

		private final int checksum;

		Checksummed(int checksum) {
			this.checksum = checksum;
		}

		@Override
		public String version() {
			return "1";
		}

		@Override
		public String description() {
			return "checksummed";
		}

		@Override
		public Integer checksum() {
			return this.checksum;
		}

		@Override
		public void migrate(JavaMigrationContext context) {
		}

	}

	static class V2__Purge_accounts extends BaseJavaMigration {

		@Override
		public void migrate(JavaMigrationContext context) throws Exception {
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("delete from accounts where id > 0");
			}
		}

	}

	static class V2__Drop_legacy extends BaseJavaMigration {

		@Override
		public void migrate(JavaMigrationContext context) throws Exception {
			try (Statement statement = context.connection().createStatement()) {
				statement.execute("alter table accounts drop column legacy");
			}
		}

	}

	@Allow(rules = "drop-column", reason = "legacy was copied to the archive in V1")
	static class V2__Drop_legacy_allowed extends V2__Drop_legacy {

		@Override
		public String description() {
			return "Drop legacy";
		}

	}

	/** What a Spring CGLIB proxy of a migration bean looks like. */
	static class V2__Drop_legacy_allowed$$SpringCGLIB$$0 extends V2__Drop_legacy_allowed {

	}

	static class BackfillWithoutVersion extends BaseJavaMigration {

		@Override
		public void migrate(JavaMigrationContext context) {
		}

	}

	/** A migration declared in place, for tests that need one of a kind. */
	static class Declared implements JavaMigration {

		private final String version;

		private final String description;

		private final Body body;

		Declared(String version, String description, Body body) {
			this.version = version;
			this.description = description;
			this.body = body;
		}

		@Override
		public String version() {
			return this.version;
		}

		@Override
		public String description() {
			return this.description;
		}

		@Override
		public void migrate(JavaMigrationContext context) throws Exception {
			this.body.migrate(context);
		}

		interface Body {

			void migrate(JavaMigrationContext context) throws Exception;

		}

	}

}
