package dev.strata.targets;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What kind of PostgreSQL a target runs on, as far as it changes what Strata can promise:
 * plain PostgreSQL, PostgreSQL with the Citus extension (DDL issued on the coordinator
 * and propagated to the workers) or YugabyteDB (PostgreSQL's front end over a distributed
 * store, whose {@code server_version} ends in {@code -YB-<version>}). Told apart from the
 * server version the driver received when it connected and the Citus extension's version,
 * so finding it costs no round trip of its own. See {@code docs/distributed.md}.
 *
 * @param kind which server
 * @param serverVersion the {@code server_version} the server reported, as it reported it
 * @param citusVersion the installed Citus extension's version, {@code null} without Citus
 */
public record DatabaseServer(Kind kind, String serverVersion, @Nullable String citusVersion) {

	private static final String YUGABYTE_MARKER = "-YB-";

	public DatabaseServer {
		Objects.requireNonNull(kind, "kind must not be null");
		Objects.requireNonNull(serverVersion, "serverVersion must not be null");
	}

	/**
	 * The server a connection reports.
	 * @param serverVersion {@code server_version} (the driver's
	 * {@code getDatabaseProductVersion()}); {@code null} when it could not be read
	 * @param citusVersion {@code extversion} of the {@code citus} extension, if installed
	 */
	public static DatabaseServer of(@Nullable String serverVersion, @Nullable String citusVersion) {
		String version = (serverVersion != null) ? serverVersion.trim() : "unknown";
		if (version.contains(YUGABYTE_MARKER)) {
			return new DatabaseServer(Kind.YUGABYTEDB, version, null);
		}
		return new DatabaseServer((citusVersion != null) ? Kind.CITUS : Kind.POSTGRESQL, version, citusVersion);
	}

	/** The PostgreSQL version the server speaks ({@code 11.2} for YugabyteDB 2.20). */
	public String postgresVersion() {
		int marker = this.serverVersion.indexOf(YUGABYTE_MARKER);
		String version = (marker >= 0) ? this.serverVersion.substring(0, marker) : this.serverVersion;
		int space = version.indexOf(' ');
		return (space > 0) ? version.substring(0, space) : version;
	}

	/** YugabyteDB's own version ({@code 2.20.1.0-b97}); {@code null} on other servers. */
	public @Nullable String yugabyteVersion() {
		int marker = this.serverVersion.indexOf(YUGABYTE_MARKER);
		return (marker >= 0) ? this.serverVersion.substring(marker + YUGABYTE_MARKER.length()) : null;
	}

	/**
	 * Whether a session advisory lock can be relied on as the migration lock. YugabyteDB
	 * implements advisory locks only in recent releases and behind a server flag, so
	 * {@code strata.lock-mode=auto} takes the lease there.
	 */
	public boolean advisoryLocksReliable() {
		return this.kind != Kind.YUGABYTEDB;
	}

	/**
	 * How a log line names it: {@code PostgreSQL 17.6},
	 * {@code Citus 12.1 on PostgreSQL 16.4}.
	 */
	public String describe() {
		return switch (this.kind) {
			case POSTGRESQL -> "PostgreSQL " + this.serverVersion;
			case CITUS -> "Citus " + this.citusVersion + " on PostgreSQL " + postgresVersion();
			case YUGABYTEDB -> "YugabyteDB " + yugabyteVersion() + ", PostgreSQL " + postgresVersion() + " compatible";
		};
	}

	/**
	 * What changes on this server, for the log when a run starts; empty on plain
	 * PostgreSQL.
	 */
	public List<String> notes() {
		List<String> notes = new ArrayList<>();
		if (this.kind == Kind.CITUS) {
			notes.add("Strata runs DDL on the coordinator and Citus propagates it to the workers; run migrations"
					+ " against the coordinator only (Strata refuses to migrate on a worker).");
			notes.add("The migration lock is an advisory lock on the coordinator: every migrator must connect to"
					+ " the coordinator for it to exclude the others.");
			notes.add("CREATE INDEX CONCURRENTLY on a distributed table builds one index per shard; if it fails,"
					+ " invalid indexes may be left on shards (see docs/distributed.md).");
		}
		else if (this.kind == Kind.YUGABYTEDB) {
			notes.add("DDL is not transactional on YugabyteDB unless the server enables transactional DDL: a"
					+ " migration that fails after a DDL statement may leave that statement's change behind. Keep"
					+ " one DDL statement per migration, or enable ysql_yb_ddl_transaction_block_enabled.");
			notes.add("With strata.lock-mode=auto the migration lock is a lease row, not an advisory lock.");
		}
		return notes;
	}

	/** The kinds of server Strata tells apart. */
	public enum Kind {

		/** PostgreSQL, or a managed service that is PostgreSQL underneath. */
		POSTGRESQL("PostgreSQL"),

		/** PostgreSQL with the Citus extension installed. */
		CITUS("Citus"),

		/** YugabyteDB's YSQL API. */
		YUGABYTEDB("YugabyteDB");

		private final String displayName;

		Kind(String displayName) {
			this.displayName = displayName;
		}

		/** The product's name, as its makers write it. */
		public String displayName() {
			return this.displayName;
		}

	}

}
