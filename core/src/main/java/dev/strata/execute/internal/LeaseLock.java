package dev.strata.execute.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Set;

import dev.strata.execute.LockHolder;
import dev.strata.history.internal.Identifiers;
import dev.strata.history.internal.SqlLiterals;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.strata.execute.LockMode;
import dev.strata.execute.LockSettings;

/**
 * The migration lock as a lease row, for connections that reach PostgreSQL through a
 * pooler in transaction mode: there, a session advisory lock would stay on whichever
 * server connection ran the statement while other clients use it. The row lives in
 * {@code <history>_lock} beside the history; every statement here is one autocommit
 * statement, so the pooler may send each to a different server connection.
 * <p>
 * Taking the lease bumps its token; the holder renews it with a heartbeat well inside its
 * duration, and a crashed holder's lease simply runs out. The fence reads the row with
 * {@code FOR SHARE} inside each migration's transaction: it fails unless the token is
 * still this holder's and the lease unexpired, and it keeps a successor's takeover (an
 * update of the same row) waiting until that transaction has ended.
 * <p>
 * Statements are plain, never server-prepared, so they work on PgBouncer before 1.21 too.
 */
final class LeaseLock extends MigrationLock {

	private static final Logger logger = LoggerFactory.getLogger(LeaseLock.class);

	private static final Set<String> CREATED_MEANWHILE = Set.of("42P07", "42710", "23505");

	private final Connection connection;

	private final String qualifiedName;

	private final long token;

	private final String lease;

	private final Heartbeat heartbeat;

	private LeaseLock(Connection connection, String schema, String table, Duration waited, long token, Duration lease) {
		super(schema, table, waited);
		this.connection = connection;
		this.qualifiedName = qualifiedName(schema, table);
		this.token = token;
		this.lease = interval(lease);
		this.heartbeat = new Heartbeat("strata-lease-heartbeat", lease.dividedBy(3), this, this::renew);
	}

	static LeaseLock acquire(Connection connection, String schema, String table, LockSettings settings,
			WhileWaiting whileWaiting, String sessionName) throws SQLException {
		String qualifiedName = qualifiedName(schema, table);
		createTable(connection, schema, qualifiedName);
		String holder = SqlLiterals.string(sessionName);
		String take = "insert into " + qualifiedName + " as l (id, token, holder, pid, acquired_at, renewed_at,"
				+ " expires_at, released) values (1, 1, " + holder + ", " + ProcessHandle.current().pid()
				+ ", clock_timestamp(), clock_timestamp(), clock_timestamp() + " + interval(settings.lease())
				+ ", false) on conflict (id) do update set token = l.token + 1, holder = excluded.holder,"
				+ " pid = excluded.pid, acquired_at = excluded.acquired_at, renewed_at = excluded.renewed_at,"
				+ " expires_at = excluded.expires_at, released = false"
				+ " where l.released or l.expires_at < clock_timestamp() returning token";
		long[] token = new long[1];
		Duration waited = LockWait.until(schema + "." + table, settings.maxWait(), () -> {
			try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(take)) {
				if (rs.next()) {
					token[0] = rs.getLong(1);
					return true;
				}
				return false;
			}
		}, () -> holder(connection, schema, table), whileWaiting);
		return new LeaseLock(connection, schema, table, waited, token[0], settings.lease());
	}

	/**
	 * Creates the lease table once. Two migrators may race to create it; the loser's
	 * error is harmless, since the table it wanted exists.
	 */
	private static void createTable(Connection connection, String schema, String qualifiedName) throws SQLException {
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement.executeQuery("select to_regclass(" + SqlLiterals.string(qualifiedName)
					+ ") is not null, exists (select 1 from pg_catalog.pg_namespace where nspname = "
					+ SqlLiterals.string(schema) + ")")) {
				rs.next();
				if (rs.getBoolean(1)) {
					return;
				}
				if (!rs.getBoolean(2)) {
					statement.execute("create schema if not exists " + Identifiers.quote(schema));
				}
			}
			statement.execute("create table if not exists " + qualifiedName + " (id integer primary key check (id = 1),"
					+ " token bigint not null, holder varchar(300) not null, pid bigint not null,"
					+ " acquired_at timestamptz not null, renewed_at timestamptz not null,"
					+ " expires_at timestamptz not null, released boolean not null)");
		}
		catch (SQLException ex) {
			// Created by another migrator meanwhile, seen as the table (42P07), its row
			// type (42710) or
			// the catalog's unique index (23505), depending on where the two creations
			// collided.
			if (!CREATED_MEANWHILE.contains(ex.getSQLState())) {
				throw ex;
			}
		}
	}

	private @Nullable String renew() throws SQLException {
		try (Statement statement = this.connection.createStatement()) {
			int renewed = statement
				.executeUpdate("update " + this.qualifiedName + " set renewed_at = clock_timestamp(),"
						+ " expires_at = clock_timestamp() + " + this.lease + " where id = 1 and token = " + this.token
						+ " and not released and expires_at > clock_timestamp()");
			return (renewed == 1) ? null
					: "its lease ran out before the heartbeat could renew it, or another migrator took it over";
		}
	}

	@Override
	public LockMode mode() {
		return LockMode.LEASE;
	}

	@Override
	public String condition() {
		// FOR SHARE keeps a takeover (an update of the row) waiting until this
		// transaction has ended.
		return "exists (select 1 from " + this.qualifiedName + " where id = 1 and token = " + this.token
				+ " and not released and expires_at > clock_timestamp() for share)";
	}

	@Override
	public @Nullable String lostReason() {
		return this.heartbeat.lostReason();
	}

	@Override
	public boolean sharedSession() {
		return true;
	}

	/**
	 * Through a pooler in transaction mode this connection's statements may reach any
	 * server session, so it cannot watch the migration's.
	 */
	@Override
	public <T> @Nullable T watch(SessionRead<T> read) {
		return null;
	}

	@Override
	public void close() {
		this.heartbeat.close();
		synchronized (this) {
			try (Statement statement = this.connection.createStatement()) {
				statement.executeUpdate("update " + this.qualifiedName + " set released = true,"
						+ " renewed_at = clock_timestamp() where id = 1 and token = " + this.token);
			}
			catch (SQLException ex) {
				logger.warn("Could not release the migration lease in {}; it expires by itself in at most {}",
						this.qualifiedName, this.lease, ex);
			}
			finally {
				closeQuietly(this.connection);
			}
		}
	}

	/**
	 * The lease's holder if it is taken and unexpired; {@code null} if free or if there
	 * is no lease table.
	 */
	static @Nullable LockHolder holder(Connection connection, String schema, String table) throws SQLException {
		String qualifiedName = qualifiedName(schema, table);
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rs = statement
				.executeQuery("select to_regclass(" + SqlLiterals.string(qualifiedName) + ") is not null")) {
				rs.next();
				if (!rs.getBoolean(1)) {
					return null;
				}
			}
			try (ResultSet rs = statement.executeQuery("select pid, holder, acquired_at, expires_at from "
					+ qualifiedName + " where id = 1 and not released and expires_at > clock_timestamp()")) {
				if (!rs.next()) {
					return null;
				}
				return new LockHolder((int) rs.getLong(1), rs.getString(2), rs.getTimestamp(3).toInstant(), null,
						LockMode.LEASE, rs.getTimestamp(4).toInstant());
			}
		}
	}

	private static String qualifiedName(String schema, String table) {
		return Identifiers.quote(schema) + "." + Identifiers.quote(leaseTableName(table));
	}

	private static String interval(Duration duration) {
		return "interval '" + duration.toMillis() + " milliseconds'";
	}

}
