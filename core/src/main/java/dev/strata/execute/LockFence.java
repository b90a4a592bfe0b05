package dev.strata.execute;

import org.jspecify.annotations.Nullable;

/**
 * What a migration checks before it commits, so that nothing commits once its migrator has lost
 * the migration lock. The check runs inside the migration's own transaction, as the statement
 * before its history row, and does two things: it fails unless the lock is still this migrator's,
 * and it makes a successor that has just taken the lock wait until this transaction has ended, so
 * the successor reads a history that already holds whatever committed here.
 */
public interface LockFence {

	/** The SQLSTATE the fence raises when the lock is gone. */
	String LOST = "STRLK";

	/** No lock, no fence: for tests and tools that run an executor on their own. */
	LockFence NONE = new LockFence() {

		@Override
		public @Nullable String sql() {
			return null;
		}

		@Override
		public @Nullable String lostReason() {
			return null;
		}

		@Override
		public String table() {
			return "";
		}

		@Override
		public boolean sharedSession() {
			return false;
		}

	};

	/** The statement to run in each migration's transaction; {@code null} for none. */
	@Nullable String sql();

	/** Why the lock was lost, as far as its heartbeat knows; {@code null} while it seems held. */
	@Nullable String lostReason();

	/** The history table the lock guards, for messages. */
	String table();

	/**
	 * Whether the server session behind the migration connection may serve other clients between
	 * transactions (a pooler in transaction mode): then nothing may be set at session level, since it
	 * would leak to them.
	 */
	boolean sharedSession();

}
