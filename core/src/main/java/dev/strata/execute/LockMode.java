package dev.strata.execute;

/** Which mechanism holds the migration lock ({@code strata.lock-mode}). */
public enum LockMode {

	/**
	 * A session advisory lock, unless Strata sees a connection pooler in transaction mode
	 * between it and the server; then a lease row.
	 */
	AUTO,

	/**
	 * A session-level advisory lock on a connection of its own: released by the server
	 * the moment the migrator's session ends. Needs a direct connection (or a pooler in
	 * session mode).
	 */
	ADVISORY,

	/**
	 * A lease row in a table beside the history, renewed by a heartbeat and expiring by
	 * itself when its holder dies. Works through a pooler in transaction mode (PgBouncer,
	 * RDS Proxy, Supavisor).
	 */
	LEASE

}
