package dev.strata;

import java.sql.SQLException;
import java.util.Optional;

import dev.strata.execute.LockHolder;
import dev.strata.execute.internal.MigrationLock;

/** Who holds the migration lock right now, by either mechanism; never takes it. */
final class LockHolderQuery implements Command<Optional<LockHolder>> {

	@Override
	public Optional<LockHolder> run(CommandContext context) throws SQLException {
		return Optional
			.ofNullable(MigrationLock.currentHolder(context.connection(), context.schema(), context.config().table()));
	}

	@Override
	public boolean readsMigrations() {
		return false;
	}

}
