package dev.strata;

import java.sql.SQLException;
import java.util.List;

import dev.strata.archive.ArchiveEntry;
import dev.strata.archive.internal.ArchiveStore;

/** {@code archives}: lists what allowed destructive statements left in the archive. */
final class ArchivesCommand implements Command<List<ArchiveEntry>> {

	@Override
	public List<ArchiveEntry> run(CommandContext context) throws SQLException {
		return new ArchiveStore(context.connection(), context.config().archive().schema()).list();
	}

	@Override
	public boolean readsMigrations() {
		return false;
	}

}
