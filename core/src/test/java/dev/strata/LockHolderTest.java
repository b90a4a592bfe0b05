package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

import javax.sql.DataSource;

import dev.strata.error.ErrorCategory;
import dev.strata.execute.LockHolder;
import dev.strata.execute.LockMode;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.execute.internal.SessionName;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Who holds the migration lock, as a person waiting for it sees them: the holder's
 * session is named after Strata, the application, the host and the process, and the
 * advice to end a stuck holder carries its real pid. Connections borrowed from a pool go
 * back with the name they had.
 */
@StrataPostgres(databasePerTest = true)
class LockHolderTest {

	private static final String DRIVER_DEFAULT = "PostgreSQL JDBC Driver";

	@TempDir
	Path dir;

	@Test
	@Timeout(90)
	void theHolderIsNamedAndTheWaitingMigratorPrintsTheCommandWithItsPid(TestDatabase db) throws Exception {
		MigrationDir files = new MigrationDir(this.dir.resolve("migrations")).write("V1__gate.sql",
				"create table gate (id int);");
		Db.strata(db, files.location()).migrate();
		files.write("V2__behind_the_gate.sql", "select count(*) from gate;");
		String label = SessionName.of("orders");
		assertThat(label).startsWith("strata orders (")
			.endsWith(", process " + ProcessHandle.current().pid() + ")")
			.hasSizeLessThanOrEqualTo(63);

		try (Connection gate = db.connect()) {
			gate.setAutoCommit(false);
			gate.createStatement().execute("lock table gate in access exclusive mode");
			CompletableFuture<MigrateResult> holding = CompletableFuture.supplyAsync(
					() -> Db
						.strata(db,
								(builder) -> builder.locations(files.location())
									.applicationName("orders")
									.lockTimeout(Duration.ZERO))
						.migrate());
			// The migration waits behind the gate: its session and the lock's are
			// Strata's.
			List<String> blocked = waitFor(db, "select application_name from pg_stat_activity where"
					+ " datname = current_database() and wait_event_type = 'Lock' and query = 'select count(*) from gate'",
					holding);
			assertThat(blocked).containsExactly(label);
			List<String> lockSession = Db.column(db,
					"select a.pid || '|' || a.application_name from pg_locks l"
							+ " join pg_stat_activity a on a.pid = l.pid where l.locktype = 'advisory' and l.granted"
							+ " and ((l.classid::bigint << 32) | l.objid::bigint) = "
							+ MigrationLock.keyFor("public", "strata_schema_history"));
			assertThat(lockSession).singleElement().asString().endsWith("|" + label);
			int holderPid = Integer.parseInt(lockSession.get(0).substring(0, lockSession.get(0).indexOf('|')));
			LockHolder holder = Db.strata(db, files.location()).lockHolder().orElseThrow();
			assertThat(holder.pid()).isEqualTo(holderPid);
			assertThat(holder.applicationName()).isEqualTo(label);

			Path log = this.dir.resolve("waiting.log");
			MigratorProcess waiting = MigratorProcess.start(db.jdbcUrl(), db, files.location(), log,
					Map.of("STRATA_LOCK_WAIT_SECONDS", "7", "STRATA_APPLICATION_NAME", "billing"));
			assertThat(waiting.exitCode(60)).as(waiting.log())
				.isEqualTo(MigrateMain.exitCode(ErrorCategory.LOCK_TIMEOUT));
			String command = "select pg_catalog.pg_terminate_backend(" + holderPid + ");";
			assertThat(waiting.log())
				.contains("Waiting for the migration lock on public.strata_schema_history: held by pid " + holderPid
						+ " '" + label + "'")
				.contains("Gave up waiting for the migration lock on public.strata_schema_history after 7 s; it is"
						+ " held by pid " + holderPid + " '" + label + "'")
				.contains("If that session is stuck, end it with: " + command)
				.doesNotContain("<pid>");
			assertThat(waiting.log().split(java.util.regex.Pattern.quote(command), -1)).as(waiting.log())
				.hasSizeGreaterThanOrEqualTo(3);

			waiting.log()
				.lines()
				.filter((line) -> line.contains("Waiting for") || line.contains("Gave up"))
				.forEach(System.out::println);
			gate.rollback();
			assertThat(holding.get(30, TimeUnit.SECONDS).applied()).hasSize(1);
		}
	}

	@Test
	@Timeout(60)
	void pooledConnectionsGoBackWithTheNameTheyHad(TestDatabase db) throws Exception {
		MigrationDir files = new MigrationDir(this.dir).write("V1__book.sql", "create table book (id int);")
			.write("V2__index.sql", "create index concurrently book_id on book (id);");
		try (TinyPool pool = new TinyPool(db, 2)) {
			Strata strata = new Strata(
					StrataConfig.builder(pool).locations(files.location()).applicationName("orders").build());
			MigrateResult result = strata.migrate();
			assertThat(result.applied()).hasSize(2);
			// the connections go back once the snapshot stored in the background is
			strata.awaitSnapshot();
			assertThat(pool.applicationNames()).containsExactly(DRIVER_DEFAULT, DRIVER_DEFAULT);
		}
	}

	@Test
	@Timeout(60)
	void aLeaseRecordsTheNameAndLeavesTheSessionsAlone(TestDatabase db) throws Exception {
		MigrationDir files = new MigrationDir(this.dir).write("V1__book.sql", "create table book (id int);");
		try (TinyPool pool = new TinyPool(db, 2)) {
			Strata strata = new Strata(StrataConfig.builder(pool)
				.locations(files.location())
				.applicationName("orders")
				.lockMode(LockMode.LEASE)
				.build());
			strata.migrate();
			strata.awaitSnapshot();
			assertThat(pool.applicationNames()).containsExactly(DRIVER_DEFAULT, DRIVER_DEFAULT);
			assertThat(pool.settingsChanged()).isFalse();
		}
		assertThat(Db.column(db, "select holder from strata_schema_history_lock"))
			.containsExactly(SessionName.of("orders"));
	}

	private static List<String> waitFor(TestDatabase db, String query, CompletableFuture<?> work) throws Exception {
		for (int i = 0; i < 400; i++) {
			if (work.isDone()) {
				work.get();
				throw new AssertionError("finished before: " + query);
			}
			List<String> rows = Db.column(db, query);
			if (!rows.isEmpty()) {
				return rows;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("never: " + query);
	}

	/**
	 * A pool of real connections, as an application's pool lends them to Strata: a closed
	 * connection goes back to the pool open, with whatever its session was left with.
	 */
	private static final class TinyPool implements DataSource, AutoCloseable {

		private final List<Connection> all = new ArrayList<>();

		private final Deque<Connection> idle = new ArrayDeque<>();

		private final List<String> sql = new ArrayList<>();

		TinyPool(TestDatabase db, int size) throws SQLException {
			for (int i = 0; i < size; i++) {
				Connection connection = db.connect();
				this.all.add(connection);
				this.idle.add(connection);
			}
		}

		/** Each connection's application_name, read through the pool's own session. */
		List<String> applicationNames() throws SQLException {
			List<String> names = new ArrayList<>();
			for (Connection connection : this.all) {
				try (Statement statement = connection.createStatement();
						ResultSet rs = statement.executeQuery("select current_setting('application_name')")) {
					rs.next();
					names.add(rs.getString(1));
				}
			}
			return names;
		}

		/** Whether Strata changed application_name on a lent connection. */
		boolean settingsChanged() {
			synchronized (this.sql) {
				return this.sql.stream().anyMatch((text) -> text.contains("application_name"));
			}
		}

		@Override
		public synchronized Connection getConnection() throws SQLException {
			Connection physical = this.idle.poll();
			if (physical == null) {
				throw new SQLException("pool exhausted");
			}
			physical.setAutoCommit(true);
			return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] { Connection.class },
					(proxy, method, args) -> {
						if (method.getName().equals("close")) {
							synchronized (this) {
								if (!this.idle.contains(physical)) {
									this.idle.add(physical);
								}
							}
							return null;
						}
						if (args != null && args.length > 0 && args[0] instanceof String text) {
							synchronized (this.sql) {
								this.sql.add(text);
							}
						}
						try {
							return method.invoke(physical, args);
						}
						catch (InvocationTargetException ex) {
							throw ex.getCause();
						}
					});
		}

		@Override
		public Connection getConnection(String username, String password) throws SQLException {
			return getConnection();
		}

		@Override
		public void close() throws SQLException {
			for (Connection connection : this.all) {
				connection.close();
			}
		}

		@Override
		public PrintWriter getLogWriter() {
			return null;
		}

		@Override
		public void setLogWriter(PrintWriter out) {
		}

		@Override
		public void setLoginTimeout(int seconds) {
		}

		@Override
		public int getLoginTimeout() {
			return 0;
		}

		@Override
		public Logger getParentLogger() throws SQLFeatureNotSupportedException {
			throw new SQLFeatureNotSupportedException();
		}

		@Override
		public <T> T unwrap(Class<T> iface) throws SQLException {
			throw new SQLException("not a wrapper");
		}

		@Override
		public boolean isWrapperFor(Class<?> iface) {
			return false;
		}

	}

}
