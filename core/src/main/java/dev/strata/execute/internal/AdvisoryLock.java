package dev.strata.execute.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.strata.execute.LockHolder;
import dev.strata.execute.LockMode;
import dev.strata.execute.LockSettings;
import dev.strata.source.internal.Durations;

/**
 * The migration lock as a session-level advisory lock. The server releases it the moment
 * the session ends, so a dead migrator never leaves it stuck; the price is that a session
 * cut by an idle timeout or a proxy restart loses it silently, which the heartbeat and
 * the fence cover.
 * <p>
 * The fence works with two more advisory keys. Each migration's transaction takes the
 * fence key ({@code pg_try_advisory_xact_lock}) and then checks that the lock's session
 * is still alive: that session also holds a random key of its own, which a shared try in
 * the migration's transaction cannot get while the session lives. A successor that takes
 * the lock waits for the fence key once before it reads the history, so a transaction
 * that passed the fence just before the session died has committed or rolled back by
 * then, and a transaction that tries the key while the successor holds it fails the
 * fence.
 */
final class AdvisoryLock extends MigrationLock {

	private static final Logger logger = LoggerFactory.getLogger(AdvisoryLock.class);

	private static final Duration LONGEST_BEAT = Duration.ofSeconds(5);

	private static final Duration SHORTEST_BEAT = Duration.ofMillis(100);

	/** "STRH" in the high half: the key each lock session holds for itself. */
	private static final long HOLDER_PREFIX = 0x53545248L << 32;

	private static final String MATCHES_KEY = "l.locktype = 'advisory' and l.granted and l.objsubid = 1"
			+ " and l.classid::bigint = %d and l.objid::bigint = %d"
			+ " and l.database = (select oid from pg_catalog.pg_database where datname = current_database())";

	private final Connection connection;

	private final long key;

	private final long holderKey;

	private final String condition;

	private final Heartbeat heartbeat;

	private final Instant heldSince = Instant.now();

	private final String stillHeld;

	private AdvisoryLock(Connection connection, String schema, String table, Duration waited, long key, long holderKey,
			@Nullable Duration idleSessionTimeout) {
		super(schema, table, waited);
		this.connection = connection;
		this.key = key;
		this.holderKey = holderKey;
		// Only a session can release its own advisory locks, so this lock's session holds
		// the migration
		// lock exactly as long as it holds its own holder key: a shared try on that key
		// fails while the
		// session lives and succeeds once it is gone. Two lock-manager calls, no catalog
		// or statistics
		// read. The fence key comes first: a successor holds it for an instant once it
		// has the lock.
		this.condition = "case when pg_catalog.pg_try_advisory_xact_lock(" + fenceKeyFor(schema, table)
				+ ") then not pg_catalog.pg_try_advisory_xact_lock_shared(" + holderKey + ") else false end";
		this.stillHeld = "select exists (select 1 from pg_catalog.pg_locks l where " + matches(key)
				+ " and l.pid = pg_catalog.pg_backend_pid())";
		this.heartbeat = new Heartbeat("strata-lock-heartbeat", beatInterval(idleSessionTimeout), this,
				this::stillHeld);
	}

	static AdvisoryLock acquire(Connection connection, String schema, String table, LockSettings settings,
			WhileWaiting whileWaiting) throws SQLException {
		long key = keyFor(schema, table);
		Duration waited = LockWait.until(schema + "." + table, settings.maxWait(),
				() -> queryBoolean(connection, "select pg_catalog.pg_try_advisory_lock(?)", key),
				() -> holder(connection, key), whileWaiting);
		long holderKey = holderKeyCandidate();
		String idleSessionTimeout;
		// One round trip, in this order: a predecessor whose session died may have passed
		// its fence a moment before, so let that transaction end before this migrator
		// reads the history; take the holder key; make the server notice a vanished
		// client within about a minute, even on a quiet network; read the session's idle
		// timeout (null before PostgreSQL 14).
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select pg_catalog.pg_advisory_xact_lock("
						+ fenceKeyFor(schema, table) + "), pg_catalog.pg_try_advisory_lock(" + holderKey + "),"
						+ " set_config('tcp_keepalives_idle', '30', false),"
						+ " set_config('tcp_keepalives_interval', '10', false),"
						+ " set_config('tcp_keepalives_count', '3', false),"
						+ " pg_catalog.current_setting('idle_session_timeout', true)")) {
			rs.next();
			if (!rs.getBoolean(2)) {
				holderKey = takeHolderKey(statement);
			}
			idleSessionTimeout = rs.getString(6);
		}
		return new AdvisoryLock(connection, schema, table, waited, key, holderKey,
				parseIdleSessionTimeout(idleSessionTimeout));
	}

	private static long holderKeyCandidate() {
		return HOLDER_PREFIX | (ThreadLocalRandom.current().nextLong() & 0xFFFFFFFFL);
	}

	/**
	 * A key of this session's alone, held as long as it lives; see the fence's condition.
	 */
	private static long takeHolderKey(Statement statement) throws SQLException {
		for (;;) {
			long candidate = holderKeyCandidate();
			try (ResultSet rs = statement.executeQuery("select pg_catalog.pg_try_advisory_lock(" + candidate + ")")) {
				rs.next();
				if (rs.getBoolean(1)) {
					return candidate;
				}
			}
		}
	}

	/**
	 * Often enough that the session is never idle for a third of
	 * {@code idle_session_timeout}, and at least every five seconds, which no load
	 * balancer's idle timeout undercuts.
	 */
	private static Duration beatInterval(@Nullable Duration idleSessionTimeout) {
		if (idleSessionTimeout == null || idleSessionTimeout.isZero()) {
			return LONGEST_BEAT;
		}
		Duration third = idleSessionTimeout.dividedBy(3);
		return (third.compareTo(LONGEST_BEAT) > 0) ? LONGEST_BEAT
				: (third.compareTo(SHORTEST_BEAT) < 0) ? SHORTEST_BEAT : third;
	}

	private @Nullable String stillHeld() throws SQLException {
		// The comment shows in pg_stat_activity.query, so others can tell since when the
		// lock is held and what its holder applies.
		boolean held = queryBoolean(this.connection, comment() + this.stillHeld);
		return held ? null : "its session no longer holds it: was it released by hand, or does a connection pooler in"
				+ " transaction mode sit in between? Then set strata.lock-mode=lease";
	}

	private String comment() {
		return ActivityComment.write(this.heldSince, activity());
	}

	@Override
	public <T> @Nullable T watch(SessionRead<T> read) throws SQLException {
		synchronized (this) {
			if (lostReason() != null) {
				return null;
			}
			return read.run(this.connection, comment());
		}
	}

	@Override
	public LockMode mode() {
		return LockMode.ADVISORY;
	}

	@Override
	public String condition() {
		return this.condition;
	}

	@Override
	public @Nullable String lostReason() {
		return this.heartbeat.lostReason();
	}

	@Override
	public boolean sharedSession() {
		return false;
	}

	@Override
	public void close() {
		this.heartbeat.close();
		synchronized (this) {
			try (Statement statement = this.connection.createStatement()) {
				statement.execute("select pg_catalog.pg_advisory_unlock(" + this.key
						+ "), pg_catalog.pg_advisory_unlock(" + this.holderKey + ")");
			}
			catch (SQLException ex) {
				// Closing the session below releases it anyway.
				logger.debug("Could not release the migration lock explicitly", ex);
			}
			finally {
				restoreSessionName();
				closeQuietly(this.connection);
			}
		}
	}

	private static String matches(long key) {
		// A bigint advisory key shows in pg_locks as classid (high half) and objid (low
		// half), objsubid 1.
		return String.format(MATCHES_KEY, key >>> 32, key & 0xFFFFFFFFL);
	}

	static @Nullable LockHolder holder(Connection connection, long key) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select a.pid, a.application_name, a.query_start,"
						+ " a.backend_start, host(a.client_addr), a.query from pg_catalog.pg_locks l join"
						+ " pg_catalog.pg_stat_activity a on a.pid = l.pid where " + matches(key))) {
			if (!rs.next()) {
				return null;
			}
			String query = rs.getString(6);
			return new LockHolder(rs.getInt(1), rs.getString(2), since(query, rs.getTimestamp(3), rs.getTimestamp(4)),
					rs.getString(5), LockMode.ADVISORY, null, ActivityComment.activity(query));
		}
	}

	/**
	 * When the holder took the lock: Strata's heartbeat says so in its query text;
	 * another holder's (or one whose query text this role may not read) last query start,
	 * else its session start.
	 */
	private static Instant since(@Nullable String query, @Nullable Timestamp queryStart, Timestamp backendStart) {
		Instant heldSince = ActivityComment.heldSince(query);
		if (heldSince != null) {
			return heldSince;
		}
		return (queryStart != null) ? queryStart.toInstant() : backendStart.toInstant();
	}

	/**
	 * {@code idle_session_timeout} as {@code current_setting} prints it ({@code 0},
	 * {@code 500ms}, {@code 30s}, {@code 10min}, {@code 1h}, {@code 1d}; a bare number is
	 * milliseconds); {@code null} before PostgreSQL 14 or if it cannot be read.
	 */
	static @Nullable Duration parseIdleSessionTimeout(@Nullable String setting) {
		if (setting == null) {
			return null;
		}
		try {
			return Durations.parse(setting);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

}
