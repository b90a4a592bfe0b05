package dev.strata.execute.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.strata.execute.LockActivity;
import dev.strata.execute.LockHolder;
import dev.strata.execute.LockLostException;
import dev.strata.execute.LockMode;
import dev.strata.execute.LockSettings;
import dev.strata.execute.LockTimeoutException;
import dev.strata.targets.DatabaseServer;

/**
 * Lets one migrator at a time work on a history table, across every process and replica.
 * Two mechanisms hold it (see {@link LockMode}): a session advisory lock, released by the
 * server the moment its session ends, and a lease row for connections that go through a
 * pooler in transaction mode. Either lives on a connection of its own that never holds a
 * transaction open: {@code CREATE INDEX CONCURRENTLY} waits for every open transaction,
 * so a lock held inside one would make it wait forever.
 * <p>
 * Holding the lock is not enough: its session can be cut while the migrator works. A
 * {@link Heartbeat} keeps the session busy and notices a loss early, and the
 * {@link LockFence} that every migration checks inside its own transaction makes sure
 * nothing commits after it.
 */
public abstract sealed class MigrationLock implements LockFence, AutoCloseable permits AdvisoryLock, LeaseLock {

	private static final Logger logger = LoggerFactory.getLogger(MigrationLock.class);

	/**
	 * "STRA" in the high half of the key, so Strata's locks are recognisable in pg_locks.
	 */
	private static final long KEY_PREFIX = 0x53545241L << 32;

	/** "STRF": the fence a successor waits on, see {@link AdvisoryLock}. */
	private static final long FENCE_PREFIX = 0x53545246L << 32;

	private final String table;

	private final Duration waited;

	private SessionName.Applied named = SessionName.Applied.NOTHING;

	private volatile @Nullable LockActivity activity;

	MigrationLock(String schema, String table, Duration waited) {
		this.table = schema + "." + table;
		this.waited = waited;
	}

	/**
	 * The table beside a history table that holds the lease, with {@link LockMode#LEASE}.
	 */
	public static String leaseTableName(String historyTable) {
		return historyTable + "_lock";
	}

	/**
	 * The advisory lock key for a history table: stable across versions and processes.
	 */
	public static long keyFor(String schema, String table) {
		return KEY_PREFIX | crc(schema, table);
	}

	static long fenceKeyFor(String schema, String table) {
		return FENCE_PREFIX | crc(schema, table);
	}

	private static long crc(String schema, String table) {
		CRC32 crc = new CRC32();
		crc.update((schema + "." + table).getBytes(StandardCharsets.UTF_8));
		return crc.getValue();
	}

	/**
	 * Waits for the lock, logging who holds it every few seconds.
	 * @param migrating the connection the migrations will run on, if there is one
	 * already: it is kept alive while waiting and, in {@link LockMode#AUTO}, tells
	 * whether a pooler shares sessions
	 * @param whileWaiting runs between tries
	 * @throws LockTimeoutException if it is not free within
	 * {@link LockSettings#maxWait()}
	 */
	public static MigrationLock acquire(DataSource dataSource, @Nullable Connection migrating, String schema,
			String table, LockSettings settings, WhileWaiting whileWaiting) throws SQLException {
		return acquire(dataSource, migrating, schema, table, settings, whileWaiting, SessionName.of(null));
	}

	/**
	 * As
	 * {@link #acquire(DataSource, Connection, String, String, LockSettings, WhileWaiting)},
	 * naming the holder {@code sessionName} ({@link SessionName#of}): the advisory lock's
	 * session carries it as its {@code application_name} while it holds the lock, a lease
	 * records it as its holder.
	 */
	public static MigrationLock acquire(DataSource dataSource, @Nullable Connection migrating, String schema,
			String table, LockSettings settings, WhileWaiting whileWaiting, String sessionName) throws SQLException {
		return acquire(dataSource::getConnection, migrating, schema, table, settings, whileWaiting, sessionName);
	}

	/**
	 * As
	 * {@link #acquire(DataSource, Connection, String, String, LockSettings, WhileWaiting, String)},
	 * on the connection {@code opener} gives (one opened ahead, say).
	 */
	public static MigrationLock acquire(Opener opener, @Nullable Connection migrating, String schema, String table,
			LockSettings settings, WhileWaiting whileWaiting, String sessionName) throws SQLException {
		Connection connection = opener.open();
		SessionName.Applied named = SessionName.Applied.NOTHING;
		try {
			connection.setAutoCommit(true);
			LockMode mode = settings.mode();
			if (mode == LockMode.AUTO && !advisoryLocksReliable(connection)) {
				mode = LockMode.LEASE;
				logger.info(
						"The server is YugabyteDB, whose advisory locks are off by default, so the migration lock"
								+ " is a lease row in {}.{} (set strata.lock-mode to choose explicitly)",
						schema, leaseTableName(table));
			}
			if (mode == LockMode.AUTO) {
				mode = (migrating != null
						&& PoolerProbe.sharesSessions(migrating, connection, opener.backendPidAtOpen()))
								? LockMode.LEASE : LockMode.ADVISORY;
				if (mode == LockMode.LEASE) {
					logger.info("Two connections shared one server session: a connection pooler in transaction mode"
							+ " sits in front of the database, so the migration lock is a lease row in {}.{} (set"
							+ " strata.lock-mode to choose explicitly)", schema, leaseTableName(table));
				}
			}
			if (mode == LockMode.LEASE) {
				return LeaseLock.acquire(connection, schema, table, settings, whileWaiting, sessionName);
			}
			// Its own session: the name shows in pg_stat_activity and as the holder, and
			// goes back before the connection returns to a pool.
			named = SessionName.apply(connection, sessionName);
			MigrationLock lock = AdvisoryLock.acquire(connection, schema, table, settings, whileWaiting);
			lock.named = named;
			return lock;
		}
		catch (SQLException | RuntimeException ex) {
			named.restore();
			closeQuietly(connection);
			throw ex;
		}
	}

	/** Read from the version the driver received on connecting: no round trip. */
	private static boolean advisoryLocksReliable(Connection connection) throws SQLException {
		return DatabaseServer.of(connection.getMetaData().getDatabaseProductVersion(), null).advisoryLocksReliable();
	}

	/** An advisory lock on a connection of its own, waiting at most {@code maxWait}. */
	public static MigrationLock acquire(DataSource dataSource, String schema, String table, Duration maxWait)
			throws SQLException {
		return acquire(dataSource, null, schema, table,
				new LockSettings(LockMode.ADVISORY, maxWait, LockSettings.DEFAULT_LEASE), WhileWaiting.NOTHING);
	}

	/**
	 * Who holds the lock right now, by either mechanism, or {@code null} if nobody. Never
	 * takes it.
	 */
	public static @Nullable LockHolder currentHolder(Connection connection, String schema, String table)
			throws SQLException {
		LockHolder holder = AdvisoryLock.holder(connection, keyFor(schema, table));
		return (holder != null) ? holder : LeaseLock.holder(connection, schema, table);
	}

	/** How long {@link #acquire} waited. */
	public Duration waited() {
		return this.waited;
	}

	/**
	 * Says what this migrator is applying ({@code null}: nothing), for others to see as
	 * the holder's activity where the mechanism can show it: with the next heartbeat or
	 * progress report, so that publishing costs the migration nothing.
	 */
	public void publish(@Nullable LockActivity activity) {
		this.activity = activity;
	}

	/** What this migrator last said it is applying. */
	@Nullable LockActivity activity() {
		return this.activity;
	}

	/**
	 * Runs a read on the lock's own connection, between heartbeats: the migration's
	 * connection is busy with the migration. Returns {@code null} where this lock's
	 * connection cannot watch the migration's (a lease, whose statements a pooler may
	 * send to any server session) or the lock is lost.
	 * @param read gets the connection and the comment its query should start with
	 */
	public abstract <T> @Nullable T watch(SessionRead<T> read) throws SQLException;

	/** Which mechanism holds the lock. */
	public abstract LockMode mode();

	@Override
	public String table() {
		return this.table;
	}

	/**
	 * Throws if the heartbeat saw the lock go: called between migrations, so a migrator
	 * that lost its lock stops before starting the next one.
	 * @param outcome what became of the work so far, for the message
	 */
	public void checkHeld(String outcome) {
		String reason = lostReason();
		if (reason != null) {
			throw new LockLostException(this.table, reason, outcome);
		}
	}

	@Override
	public abstract void close();

	/**
	 * Puts back the {@code application_name} the lock's connection had, before it is
	 * closed (returned to its pool).
	 */
	void restoreSessionName() {
		this.named.restore();
		this.named = SessionName.Applied.NOTHING;
	}

	static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the lock connection", ex);
		}
	}

	static boolean queryBoolean(Connection connection, String sql, long... parameters) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			for (int i = 0; i < parameters.length; i++) {
				statement.setLong(i + 1, parameters[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next() && rs.getBoolean(1);
			}
		}
	}

	/** Opens the lock's own connection. */
	@FunctionalInterface
	public interface Opener {

		/** The lock's own connection, which the lock closes. */
		Connection open() throws SQLException;

		/**
		 * The opened connection's backend pid, if the opener read it (see
		 * {@link PoolerProbe#backendPid}); 0 if not.
		 */
		default int backendPidAtOpen() {
			return 0;
		}

	}

	/** A read on the lock's own connection, see {@link #watch}. */
	@FunctionalInterface
	public interface SessionRead<T> {

		/**
		 * @param comment what the query should start with, so that the lock's session
		 * keeps showing its holder's activity
		 */
		T run(Connection connection, String comment) throws SQLException;

	}

	/**
	 * Work done between tries, such as keeping the waiting migrator's own connection
	 * alive.
	 */
	@FunctionalInterface
	public interface WhileWaiting {

		/** Does nothing. */
		WhileWaiting NOTHING = () -> {
		};

		void run() throws SQLException;

	}

}
