package dev.strata.autoconfigure;

import dev.strata.ErrorCategory;
import dev.strata.StatusResult;
import dev.strata.StrataException;
import dev.strata.plan.MigrationStatus;

/**
 * The application validates at startup ({@code strata.on-startup=validate}) and migrations are
 * pending: the schema is older than the code.
 */
public class PendingMigrationsException extends StrataException {

	public PendingMigrationsException(StatusResult status) {
		super(ErrorCategory.VALIDATION, message(status));
	}

	private static String message(StatusResult status) {
		StringBuilder message = new StringBuilder().append(status.pending().size())
			.append((status.pending().size() == 1) ? " migration is" : " migrations are")
			.append(" pending in schema \"")
			.append(status.schema())
			.append("\" (at version ")
			.append((status.currentVersion() != null) ? status.currentVersion() : "<none>")
			.append("), and strata.on-startup=validate applies nothing:");
		for (MigrationStatus pending : status.pending()) {
			message.append("\n  - ").append(pending.displayName()).append(": ").append(pending.script());
		}
		message.append("\nApply them before starting this application (a migrator run of the same build), or set"
				+ " strata.on-startup=migrate.");
		return message.toString();
	}

}
