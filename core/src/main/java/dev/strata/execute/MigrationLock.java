package dev.strata.execute;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.zip.CRC32;

import javax.sql.DataSource;

import dev.strata.ErrorCategory;
import dev.strata.StrataException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session-level PostgreSQL advisory lock that lets one migrator at a time work on a history
 * table, across every process and replica. It lives on a connection of its own that stays in
 * autocommit and never holds a transaction: {@code CREATE INDEX CONCURRENTLY} waits for every
 * open transaction, so a lock held inside one would make it wait forever. If the process dies,
 * the server ends the session and the lock is gone: nothing is ever left stuck.
 */
public final class MigrationLock implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(MigrationLock.class);

	/** "STRA" in the high half of the key, so Strata's locks are recognisable in pg_locks. */
	private static final long KEY_PREFIX = 0x53545241L << 32;

	private static final Duration REPORT_EVERY = Duration.ofSeconds(5);

	private final Connection connection;

	private final long key;

	private final Duration waited;

	private MigrationLock(Connection connection, long key, Duration waited) {
		this.connection = connection;
		this.key = key;
		this.waited = waited;
	}

	/** The lock key for a history table: stable across versions and processes. */
	public static long keyFor(String schema, String table) {
		CRC32 crc = new CRC32();
		crc.update((schema + "." + table).getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return KEY_PREFIX | crc.getValue();
	}

	/**
	 * Waits for the lock, logging who holds it every few seconds.
	 * @throws LockTimeoutException if it is not free within {@code maxWait}
	 */
	public static MigrationLock acquire(DataSource dataSource, String schema, String table, Duration maxWait)
			throws SQLException {
		long key = keyFor(schema, table);
		Connection connection = dataSource.getConnection();
		try {
			connection.setAutoCommit(true);
			long start = System.nanoTime();
			long deadline = start + maxWait.toNanos();
			long nextReport = start + REPORT_EVERY.toNanos();
			long sleepMillis = 50;
			while (!tryLock(connection, key)) {
				long now = System.nanoTime();
				if (now >= deadline) {
					LockHolder holder = holder(connection, key);
					throw new LockTimeoutException(schema + "." + table, maxWait, holder);
				}
				if (now >= nextReport) {
					logger.info("Waiting for the migration lock on {}.{}: held by {} (waited {} s of {} s)", schema,
							table, describe(holder(connection, key)), Duration.ofNanos(now - start).toSeconds(),
							maxWait.toSeconds());
					nextReport = now + REPORT_EVERY.toNanos();
				}
				sleep(Math.min(sleepMillis, Math.max(1, (deadline - now) / 1_000_000)));
				sleepMillis = Math.min(sleepMillis * 2, 1000);
			}
			return new MigrationLock(connection, key, Duration.ofNanos(System.nanoTime() - start));
		}
		catch (SQLException | RuntimeException ex) {
			closeQuietly(connection);
			throw ex;
		}
	}

	/** Who holds the lock right now, or {@code null} if nobody. Never takes it. */
	public static @Nullable LockHolder currentHolder(Connection connection, String schema, String table)
			throws SQLException {
		return holder(connection, keyFor(schema, table));
	}

	/** How long {@link #acquire} waited. */
	public Duration waited() {
		return this.waited;
	}

	@Override
	public void close() {
		try (PreparedStatement statement = this.connection.prepareStatement("select pg_advisory_unlock(?)")) {
			statement.setLong(1, this.key);
			statement.execute();
		}
		catch (SQLException ex) {
			// Closing the session below releases it anyway.
			logger.debug("Could not release the migration lock explicitly", ex);
		}
		finally {
			closeQuietly(this.connection);
		}
	}

	private static boolean tryLock(Connection connection, long key) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
			statement.setLong(1, key);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

	private static @Nullable LockHolder holder(Connection connection, long key) throws SQLException {
		// A bigint advisory key shows in pg_locks as classid (high half) and objid (low half), objsubid 1.
		try (PreparedStatement statement = connection.prepareStatement("""
				select a.pid, a.application_name, a.query_start, a.backend_start, host(a.client_addr)
				from pg_catalog.pg_locks l join pg_catalog.pg_stat_activity a on a.pid = l.pid
				where l.locktype = 'advisory' and l.granted and l.objsubid = 1
				  and l.classid::bigint = ? and l.objid::bigint = ?
				  and l.database = (select oid from pg_catalog.pg_database where datname = current_database())""")) {
			statement.setLong(1, key >>> 32);
			statement.setLong(2, key & 0xFFFFFFFFL);
			try (ResultSet rs = statement.executeQuery()) {
				if (!rs.next()) {
					return null;
				}
				// The lock connection runs nothing after taking the lock, so its last query start is when it took it.
				java.sql.Timestamp since = rs.getTimestamp(3);
				return new LockHolder(rs.getInt(1), rs.getString(2),
						(since != null) ? since.toInstant() : rs.getTimestamp(4).toInstant(), rs.getString(5));
			}
		}
	}

	private static String describe(@Nullable LockHolder holder) {
		return (holder != null) ? holder.toString() : "nobody (just released)";
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new StrataException(ErrorCategory.LOCK_TIMEOUT, "Interrupted while waiting for the migration lock");
		}
	}

	private static void closeQuietly(Connection connection) {
		try {
			connection.close();
		}
		catch (SQLException ex) {
			logger.debug("Could not close the lock connection", ex);
		}
	}

	/**
	 * The session that holds the lock.
	 *
	 * @param pid its backend process id
	 * @param applicationName its {@code application_name}
	 * @param since when it took the lock
	 * @param clientAddress where it connects from, {@code null} for a local socket
	 */
	public record LockHolder(int pid, @Nullable String applicationName, Instant since, @Nullable String clientAddress) {

		@Override
		public String toString() {
			String app = (this.applicationName == null || this.applicationName.isEmpty()) ? "" : " '" + this.applicationName + "'";
			String from = (this.clientAddress != null) ? " from " + this.clientAddress : "";
			return "pid " + this.pid + app + from + " since " + this.since;
		}

	}

}
