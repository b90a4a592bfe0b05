package dev.strata.execute.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.strata.history.AppliedMigration;
import dev.strata.migration.PreparedMigration;
import dev.strata.plan.internal.ResumableStatement;
import dev.strata.plan.internal.Resumability;
import dev.strata.sql.SqlStatement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Settles the statement a killed non-transactional run left in flight, from the catalog:
 * was it done, half done, or not started? A {@code CREATE INDEX CONCURRENTLY} whose index
 * exists and is valid is done; one whose index is INVALID (the server cancelled the build
 * when the migrator died) is dropped and built again; an absent one is built. Runs under
 * the migration lock, before the executor continues with the statements after it.
 *
 * <p>
 * The server may still be running the old statement for a few seconds after its client
 * died (until {@code client_connection_check_interval} notices), while the lock, on a
 * connection of its own, is already free: this waits for that backend to stop first, so
 * it reads a settled catalog rather than a build in progress.
 */
final class InterruptedMigrationResume {

	private static final Logger logger = LoggerFactory.getLogger(InterruptedMigrationResume.class);

	private static final long PREVIOUS_RUN_WAIT_MILLIS = 60_000;

	private static final int STATEMENT_PREVIEW = 60;

	private final Connection connection;

	private final PreparedMigration migration;

	private final AppliedMigration row;

	InterruptedMigrationResume(Connection connection, PreparedMigration migration, AppliedMigration row) {
		this.connection = connection;
		this.migration = migration;
		this.row = row;
	}

	/** Reads the in-flight statement's outcome and says where to go on from. */
	Settled settle() throws SQLException {
		List<SqlStatement> statements = this.migration.statements();
		int index = this.row.statementInFlight() - 1;
		SqlStatement statement = statements.get(index);
		ResumableStatement inFlight = Resumability.inFlight(this.row, statements);
		if (inFlight.kind() != ResumableStatement.Kind.BEGIN && inFlight.kind() != ResumableStatement.Kind.COMMIT) {
			waitForPreviousRun(statement);
		}
		String found = "statement " + (index + 1) + " of " + statements.size() + " (line " + statement.line() + ": "
				+ inFlight.describe() + ") was in flight; ";
		return switch (inFlight.kind()) {
			case CREATE_INDEX_CONCURRENTLY -> createIndex(index, inFlight, found);
			case DROP_INDEX_CONCURRENTLY -> (regclass(inFlight.name()) == null)
					? new Settled(index + 1, List.of(), found + "the index was gone: it had completed")
					: new Settled(index, List.of(), found + "the index still existed: dropped it again");
			case REINDEX_CONCURRENTLY -> reindex(index, inFlight, found);
			case VACUUM_OR_ANALYZE -> new Settled(index, List.of(), found + "ran it again");
			case ADD_ENUM_VALUE -> addEnumValue(index, inFlight, found);
			case DETACH_PARTITION_CONCURRENTLY -> detach(index, inFlight, found);
			case BEGIN -> new Settled(index, List.of(), found + "its transaction block never committed (the record"
					+ " of its progress rolled back with it): ran the block again");
			case COMMIT -> new Settled(index + 1, List.of(),
					found + "the record of it committed with the block, so" + " the block had committed");
		};
	}

	private Settled createIndex(int index, ResumableStatement inFlight, String found) throws SQLException {
		try (PreparedStatement query = this.connection.prepareStatement("""
				select quote_ident(n.nspname) || '.' || quote_ident(ic.relname), i.indisvalid
				from pg_catalog.pg_class t
				join pg_catalog.pg_namespace n on n.oid = t.relnamespace
				join pg_catalog.pg_index i on i.indrelid = t.oid
				join pg_catalog.pg_class ic on ic.oid = i.indexrelid
				where t.oid = to_regclass(?) and ic.oid = to_regclass(quote_ident(n.nspname) || '.' || ?)""")) {
			query.setString(1, inFlight.table());
			query.setString(2, inFlight.name());
			try (ResultSet rs = query.executeQuery()) {
				if (!rs.next()) {
					return new Settled(index, List.of(), found + "the index did not exist: built it");
				}
				if (rs.getBoolean(2)) {
					return new Settled(index + 1, List.of(), found + "the index exists and is valid: it had completed");
				}
				return new Settled(index, List.of("drop index concurrently " + rs.getString(1)),
						found + "the index was INVALID, dropped it and built it again");
			}
		}
	}

	/**
	 * An interrupted {@code REINDEX CONCURRENTLY} leaves INVALID copies named
	 * {@code …_ccnew} (built before the swap) or {@code …_ccold} (the old index, after
	 * it); running it again would copy them too, so they are dropped first.
	 */
	private Settled reindex(int index, ResumableStatement inFlight, String found) throws SQLException {
		String scope = switch (inFlight.table()) {
			case "INDEX" ->
				"i.indrelid = (select x.indrelid from pg_catalog.pg_index x where x.indexrelid = to_regclass(?))";
			case "TABLE" -> "i.indrelid in (select relid from pg_catalog.pg_partition_tree(to_regclass(?)))";
			case "SCHEMA" -> "ic.relnamespace = to_regnamespace(?)";
			default -> "?::text is null or true";
		};
		List<String> leftovers = new ArrayList<>();
		try (PreparedStatement query = this.connection.prepareStatement("""
				select quote_ident(n.nspname) || '.' || quote_ident(ic.relname)
				from pg_catalog.pg_index i
				join pg_catalog.pg_class ic on ic.oid = i.indexrelid
				join pg_catalog.pg_namespace n on n.oid = ic.relnamespace
				where not i.indisvalid and ic.relname ~ '_cc(new|old)[0-9]*$' and n.nspname <> 'pg_toast' and\s"""
				+ scope + " order by 1")) {
			query.setString(1, inFlight.name());
			try (ResultSet rs = query.executeQuery()) {
				while (rs.next()) {
					leftovers.add(rs.getString(1));
				}
			}
		}
		if (leftovers.isEmpty()) {
			return new Settled(index, List.of(), found + "no INVALID copy was left: ran it again");
		}
		return new Settled(index, leftovers.stream().map((name) -> "drop index concurrently " + name).toList(),
				found + "dropped the INVALID copies it left (" + String.join(", ", leftovers) + ") and ran it again");
	}

	private Settled addEnumValue(int index, ResumableStatement inFlight, String found) throws SQLException {
		if (inFlight.rerunnable()) {
			return new Settled(index, List.of(), found + "ran it again (IF NOT EXISTS)");
		}
		// The label as the file wrote it (a lexed string literal), evaluated by the
		// server as the statement was.
		try (PreparedStatement query = this.connection.prepareStatement("select exists (select 1 from"
				+ " pg_catalog.pg_enum where enumtypid = to_regtype(?) and enumlabel = " + inFlight.label() + ")")) {
			query.setString(1, inFlight.name());
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getBoolean(1)
						? new Settled(index + 1, List.of(), found + "the value exists: it had completed")
						: new Settled(index, List.of(), found + "the value did not exist: added it");
			}
		}
	}

	private Settled detach(int index, ResumableStatement inFlight, String found) throws SQLException {
		try (PreparedStatement query = this.connection.prepareStatement("select inhdetachpending from"
				+ " pg_catalog.pg_inherits where inhrelid = to_regclass(?) and inhparent = to_regclass(?)")) {
			query.setString(1, inFlight.name());
			query.setString(2, inFlight.table());
			try (ResultSet rs = query.executeQuery()) {
				if (!rs.next()) {
					return new Settled(index + 1, List.of(), found + "the partition is detached: it had completed");
				}
				if (rs.getBoolean(1)) {
					return new Settled(index + 1, List
						.of("alter table " + inFlight.table() + " detach partition " + inFlight.name() + " finalize"),
							found + "the detach was pending, finalized it");
				}
				return new Settled(index, List.of(), found + "the partition was still attached: detached it again");
			}
		}
	}

	private String regclass(String name) throws SQLException {
		try (PreparedStatement query = this.connection.prepareStatement("select to_regclass(?)::text")) {
			query.setString(1, name);
			try (ResultSet rs = query.executeQuery()) {
				rs.next();
				return rs.getString(1);
			}
		}
	}

	/**
	 * Waits while another backend still runs the statement: the killed migrator's, until
	 * the server notices its client is gone and cancels it. Gives up after a minute
	 * (someone else may run the same statement by hand); whatever then happens shows in
	 * the catalog or fails as a statement.
	 */
	private void waitForPreviousRun(SqlStatement statement) throws SQLException {
		long deadline = System.currentTimeMillis() + PREVIOUS_RUN_WAIT_MILLIS;
		boolean logged = false;
		try (PreparedStatement query = this.connection.prepareStatement("""
				select string_agg(pid::text, ', ') from pg_catalog.pg_stat_activity
				where datname = current_database() and pid <> pg_backend_pid() and state = 'active'
				and length(query) > 0 and left(?, length(query)) = query""")) {
			query.setString(1, statement.text());
			while (true) {
				String pids;
				try (ResultSet rs = query.executeQuery()) {
					rs.next();
					pids = rs.getString(1);
				}
				if (pids == null || System.currentTimeMillis() > deadline) {
					return;
				}
				if (!logged) {
					logger.info(
							"{}: the interrupted run's statement is still running in backend {} ({}); waiting for"
									+ " it to stop before reading its outcome",
							this.migration.migration().displayName(), pids, statement.abbreviated(STATEMENT_PREVIEW));
					logged = true;
				}
				try {
					Thread.sleep(100);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					return;
				}
			}
		}
	}

	/**
	 * Where the executor goes on from.
	 *
	 * @param next the index of the first statement to run (the in-flight one to run it
	 * again, the one after it when it had completed)
	 * @param fixUps statements to run first, outside a transaction (dropping an INVALID
	 * index, finishing a pending detach)
	 * @param report what was found and done, for the log
	 */
	record Settled(int next, List<String> fixUps, String report) {
	}

}
