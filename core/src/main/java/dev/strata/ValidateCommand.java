package dev.strata;

import java.sql.SQLException;

import org.jspecify.annotations.Nullable;

/**
 * {@code validate}: the migration files and the history agree (checksums, nothing
 * missing, out of order or failed), and, where the database must be as new as this build
 * (the application's {@code strata.on-startup=validate}, the migrator's
 * {@code validate}), nothing is pending.
 */
final class ValidateCommand implements Command<StatusResult> {

	private final @Nullable String pendingRemedy;

	/**
	 * @param pendingRemedy what to do about pending migrations; {@code null} when pending
	 * is no failure
	 */
	ValidateCommand(@Nullable String pendingRemedy) {
		this.pendingRemedy = pendingRemedy;
	}

	@Override
	public StatusResult run(CommandContext context) throws SQLException {
		StatusResult status = new StatusCommand().run(context);
		if (!status.isValid()) {
			throw new ValidationException(status.schema(), status.problems(), status);
		}
		if (this.pendingRemedy != null && !status.pending().isEmpty()) {
			throw new PendingMigrationsException(status, this.pendingRemedy);
		}
		return status;
	}

}
