package dev.strata.archive.internal;

import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.strata.archive.ArchiveEntry;
import dev.strata.archive.ArchiveKind;

/**
 * Removes archives older than the retention: their tables and their records. Never runs
 * during a migration.
 */
public final class Purger {

	private final ArchiveStore store;

	private final java.sql.Connection connection;

	public Purger(java.sql.Connection connection, ArchiveStore store) {
		this.connection = connection;
		this.store = store;
	}

	/** Purges every archive made before {@code now - retention}; returns them. */
	public List<ArchiveEntry> purge(Duration retention, Instant now) throws SQLException {
		Instant cutoff = now.minus(retention);
		List<ArchiveEntry> purged = new ArrayList<>();
		for (ArchiveEntry entry : this.store.list()) {
			if (!entry.archivedAt().isBefore(cutoff)) {
				continue;
			}
			// A restored table is back where it was: only its record goes.
			boolean keepsTable = entry.archiveTable() != null
					&& !(entry.kind() == ArchiveKind.DROPPED_TABLE && entry.restoredAt() != null);
			if (keepsTable) {
				try (Statement statement = this.connection.createStatement()) {
					statement.execute("drop table if exists " + this.store.schema() + "."
							+ Sql.identifier(entry.archiveTable()) + " cascade");
				}
			}
			this.store.delete(entry.id());
			purged.add(entry);
		}
		return purged;
	}

}
