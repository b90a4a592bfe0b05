package dev.strata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import dev.strata.archive.ArchiveEntry;
import dev.strata.archive.internal.ArchiveStore;
import dev.strata.archive.internal.Purger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code purge-archives}: removes the archives older than
 * {@code strata.archive.retention} (by the database's clock), under the migration lock so
 * that no migration archives meanwhile. Never run by a migration.
 */
final class PurgeArchivesCommand implements Command<List<ArchiveEntry>> {

	private static final Logger logger = LoggerFactory.getLogger(PurgeArchivesCommand.class);

	@Override
	public List<ArchiveEntry> run(CommandContext context) throws SQLException {
		return context.underLock((target, lock) -> {
			Connection connection = context.connection();
			ArchiveStore store = new ArchiveStore(connection, context.config().archive().schema());
			connection.setAutoCommit(false);
			try {
				List<ArchiveEntry> purged = new Purger(connection, store).purge(context.config().archive().retention(),
						now(connection));
				connection.commit();
				logger.info("Purged {} archives older than {}", purged.size(), context.config().archive().retention());
				return purged;
			}
			catch (SQLException | RuntimeException ex) {
				connection.rollback();
				throw ex;
			}
			finally {
				connection.setAutoCommit(true);
			}
		});
	}

	private static Instant now(Connection connection) throws SQLException {
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select now()")) {
			rs.next();
			return rs.getTimestamp(1).toInstant();
		}
	}

	@Override
	public boolean readsMigrations() {
		return false;
	}

}
