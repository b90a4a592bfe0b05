package dev.strata.execute.internal;

import org.jspecify.annotations.Nullable;

/**
 * What a migration checks before it commits, so that nothing commits once its migrator
 * has lost the migration lock. The check is a condition on the migration's own history
 * row, written in its transaction: the row is written only while the lock is still this
 * migrator's, and the executor rolls back a migration whose row was not written. Checking
 * it also makes a successor that has just taken the lock wait until this transaction has
 * ended (see the implementations), so the successor reads a history that already holds
 * whatever committed here. Folded into the row's insert, it costs no round trip of its
 * own.
 */
public interface LockFence {

	/** The SQLSTATE the fence raises when the lock is gone. */
	String LOST = "STRLK";

	/** No lock, no fence: for tests and tools that run an executor on their own. */
	LockFence NONE = new LockFence() {

		@Override
		public @Nullable String condition() {
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

	/**
	 * A boolean SQL expression, true while the lock is this migrator's; evaluated once,
	 * in the migration's transaction. {@code null} for no fence.
	 */
	@Nullable String condition();

	/**
	 * A statement that fails with {@link #LOST} unless the lock is this migrator's: for
	 * work that has no history row of its own to carry the condition, such as each
	 * statement of a migration that runs outside a transaction. {@code null} for no
	 * fence.
	 */
	default @Nullable String check() {
		String condition = condition();
		return (condition != null) ? "do $strata_fence$ begin if not (" + condition + ") then raise exception"
				+ " 'the migration lock is no longer held by this migrator' using errcode = '" + LOST
				+ "'; end if; end $strata_fence$" : null;
	}

	/**
	 * Why the lock was lost, as far as its heartbeat knows; {@code null} while it seems
	 * held.
	 */
	@Nullable String lostReason();

	/** The history table the lock guards, for messages. */
	String table();

	/**
	 * Whether the server session behind the migration connection may serve other clients
	 * between transactions (a pooler in transaction mode): then nothing may be set at
	 * session level, since it would leak to them.
	 */
	boolean sharedSession();

}
