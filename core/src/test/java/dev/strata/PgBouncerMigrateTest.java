package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import dev.strata.error.ErrorCategory;
import dev.strata.execute.LockHolder;
import dev.strata.execute.LockLostException;
import dev.strata.execute.LockMode;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.test.PgBouncer;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Migrating through a real PgBouncer in transaction mode, where a session advisory lock
 * would stay on whichever server connection ran it: Strata notices the pooler and holds a
 * lease row.
 */
@StrataPostgres(databasePerTest = true)
class PgBouncerMigrateTest {

	private static final String[] SETTINGS = { "lock_timeout", "statement_timeout", "client_connection_check_interval",
			"idle_session_timeout" };

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files() {
		Assumptions.assumeTrue(PgBouncer.binary().isPresent(),
				"pgbouncer is not installed (Debian package pgbouncer; .ci/run installs it)");
		this.files = new MigrationDir(this.dir.resolve("migrations"))
			.write("V1__items.sql",
					"create table items (id int primary key, a int);\n"
							+ "insert into items select g, g from generate_series(1, 20000) g;")
			.write("V2__index.sql", "create index concurrently items_a on items (a);")
			.write("V3__orders.sql",
					"create table if not exists orders (id int, item int references items);\n"
							+ "select pg_sleep(0.2);")
			.write("R__view.sql", "create or replace view item_orders as select items.id, a, orders.id as order_id"
					+ " from items join orders on item = items.id;");
	}

	@Test
	@Timeout(120)
	void migratorProcessesThroughPgBouncerApplyEachVersionOnceAndLeaveNothingBehind(TestDatabase db) throws Exception {
		try (PgBouncer bouncer = PgBouncer.start(db, "transaction", 3)) {
			List<MigratorProcess> migrators = new ArrayList<>();
			for (int i = 0; i < 3; i++) {
				migrators.add(MigratorProcess.start(bouncer.jdbcUrl(), db, this.files.location(),
						this.dir.resolve("migrator-" + i + ".log"), "LEASE"));
			}
			for (MigratorProcess migrator : migrators) {
				assertThat(migrator.exitCode(100)).as("migrator: %s\npgbouncer: %s", migrator.log(), bouncer.log())
					.isZero();
			}
			assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true", "3|SQL|true",
					"R:view|SQL_REPEATABLE|true");
			assertThat(db.queryForObject("select indisvalid from pg_index where indexrelid = 'items_a'::regclass",
					Boolean.class))
				.isTrue();
			// The lease is released, and no advisory lock stays anywhere.
			assertThat(Db.column(db, "select released::text from strata_schema_history_lock")).containsExactly("true");
			assertThat(Db.count(db, "select count(*) from pg_locks where locktype = 'advisory'")).isZero();
			// No session setting of Strata's leaked into the server sessions other
			// clients now get.
			assertSessionsClean(db, bouncer, 3);
			assertThat(Db.strata(db, this.files.location()).drift().drifted()).isFalse();
		}
	}

	/**
	 * Left to itself, a migrator notices the pooler: its two connections share a server
	 * session. (Several migrators at once keep the pool busy and may each see sessions of
	 * their own, which is why {@code strata.lock-mode=lease} exists, and why the test
	 * above sets it.)
	 */
	@Test
	@Timeout(60)
	void autoModeNoticesThePoolerAndHoldsALease(TestDatabase db) throws Exception {
		try (PgBouncer bouncer = PgBouncer.start(db, "transaction", 3)) {
			Strata strata = strata(db, bouncer, LockMode.AUTO, Duration.ofSeconds(30));

			assertThat(strata.migrate().applied()).hasSize(4);
			// the lease is released once the snapshot, stored in the background, is
			strata.awaitSnapshot();

			assertThat(Db.column(db, "select token || ' ' || released from strata_schema_history_lock"))
				.containsExactly("1 true");
			assertThat(Db.count(db, "select count(*) from pg_locks where locktype = 'advisory'")).isZero();
		}
	}

	@Test
	@Timeout(60)
	void crashedHoldersLeaseRunsOutByItselfAndItsHolderIsVisibleMeanwhile(TestDatabase db) throws Exception {
		try (PgBouncer bouncer = PgBouncer.start(db, "transaction", 2)) {
			Strata strata = strata(db, bouncer, LockMode.LEASE, Duration.ofSeconds(30));
			strata.migrate();
			// A holder that died: its lease is unreleased and runs for 3 more seconds.
			db.execute("update strata_schema_history_lock set released = false, holder = 'dead-host pid 4242 (java)',"
					+ " pid = 4242, token = token + 1, expires_at = clock_timestamp() + interval '3 seconds'");
			this.files.write("V4__more.sql", "create table more (id int);");
			LockHolder holder = strata.lockHolder().orElseThrow();
			assertThat(holder.mode()).isEqualTo(LockMode.LEASE);
			assertThat(holder.pid()).isEqualTo(4242);
			assertThat(holder.toString()).contains("dead-host pid 4242");

			long start = System.nanoTime();
			MigrateResult result = strata.migrate();

			assertThat(result.applied()).hasSize(1);
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThan(Duration.ofMillis(1500));
			assertThat(strata.lockHolder()).isEmpty();
		}
	}

	@Test
	@Timeout(60)
	void migrationIsRolledBackWhenItsLeaseWasTakenOverBeforeItCommitted(TestDatabase db) throws Exception {
		this.files.write("V4__slow.sql", "create table slow (id int);\nselect pg_sleep(1.5);");
		try (PgBouncer bouncer = PgBouncer.start(db, "transaction", 3)) {
			Strata strata = strata(db, bouncer, LockMode.LEASE, Duration.ofSeconds(30));
			CompletableFuture<Void> thief = CompletableFuture.runAsync(() -> {
				awaitTable(db, "orders");
				// As a successor would after the lease ran out: a new token.
				db.execute("update strata_schema_history_lock set token = token + 1, holder = 'successor'");
			});

			LockLostException ex = catchThrowableOfType(LockLostException.class, strata::migrate);
			thief.get(20, TimeUnit.SECONDS);

			assertThat(ex.category()).isEqualTo(ErrorCategory.LOCK_TIMEOUT);
			assertThat(ex.getMessage()).contains("V4 (slow) was rolled back before it could commit");
			assertThat(Db.tableExists(db, "slow")).isFalse();
			assertThat(Db.history(db)).doesNotContain("4|SQL|true");
		}
	}

	private Strata strata(TestDatabase db, PgBouncer bouncer, LockMode mode, Duration lease) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(bouncer.jdbcUrl());
		dataSource.setUser(db.username());
		dataSource.setPassword(db.password());
		return new Strata(StrataConfig.builder(dataSource)
			.locations(this.files.location())
			.lockMode(mode)
			.lockLease(lease)
			.lockWaitTimeout(Duration.ofSeconds(30))
			.build());
	}

	/**
	 * Holds every server session of the pool at once and reads Strata's settings on each.
	 */
	private static void assertSessionsClean(TestDatabase db, PgBouncer bouncer, int poolSize) throws Exception {
		List<Connection> connections = new ArrayList<>();
		try {
			for (int i = 0; i < poolSize; i++) {
				Connection connection = DriverManager.getConnection(bouncer.jdbcUrl(), db.username(), db.password());
				connection.setAutoCommit(false);
				connections.add(connection);
				try (Statement statement = connection.createStatement()) {
					for (String setting : SETTINGS) {
						try (ResultSet rs = statement
							.executeQuery("select setting, source from pg_settings where name = '" + setting + "'")) {
							rs.next();
							assertThat(rs.getString(2)).as("source of %s on server session %d", setting, i)
								.isNotEqualTo("session");
						}
					}
				}
			}
		}
		finally {
			for (Connection connection : connections) {
				connection.rollback();
				connection.close();
			}
		}
	}

	private static void awaitTable(TestDatabase db, String table) {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
		while (!Db.tableExists(db, "public." + table)) {
			if (System.nanoTime() > deadline) {
				throw new IllegalStateException(table + " never appeared");
			}
			try {
				Thread.sleep(20);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

}
