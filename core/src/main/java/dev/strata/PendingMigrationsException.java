package dev.strata;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.plan.MigrationStatus;

/**
 * Migrations are pending where the database must be as new as this build: the schema is
 * older than the code.
 */
public class PendingMigrationsException extends StrataException {

	private final transient StatusResult status;

	/**
	 * @param remedy what to do about it, e.g. run the migrator first
	 */
	public PendingMigrationsException(StatusResult status, String remedy) {
		super(ErrorCategory.VALIDATION, message(status, remedy));
		this.status = status;
	}

	/** The status that showed the pending migrations. */
	public StatusResult status() {
		return this.status;
	}

	private static String message(StatusResult status, String remedy) {
		StringBuilder message = new StringBuilder().append(status.pending().size())
			.append((status.pending().size() == 1) ? " migration is" : " migrations are")
			.append(" pending in schema \"")
			.append(status.schema())
			.append("\" (at version ")
			.append((status.currentVersion() != null) ? status.currentVersion() : "<none>")
			.append("): the database is older than this build:");
		for (MigrationStatus pending : status.pending()) {
			message.append("\n  - ").append(pending.displayName()).append(": ").append(pending.script());
		}
		return message.append("\n").append(remedy).toString();
	}

}
