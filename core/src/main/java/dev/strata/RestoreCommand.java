package dev.strata;

import java.sql.Connection;
import java.sql.SQLException;

import dev.strata.archive.ArchiveEntry;
import dev.strata.archive.ArchiveRefusedException;
import dev.strata.archive.internal.ArchiveStore;
import dev.strata.archive.internal.Restorer;
import dev.strata.history.HistoryType;
import dev.strata.history.internal.SchemaHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code restore}: puts one archive back, under the migration lock and in one transaction
 * with the history row that records it; refused, with nothing changed, when it would
 * overwrite anything.
 */
final class RestoreCommand implements Command<RestoreResult> {

	private static final Logger logger = LoggerFactory.getLogger(RestoreCommand.class);

	private final long id;

	RestoreCommand(long id) {
		this.id = id;
	}

	@Override
	public RestoreResult run(CommandContext context) throws SQLException {
		return context.underLock((target, lock) -> {
			Connection connection = context.connection();
			ArchiveStore store = new ArchiveStore(connection, context.config().archive().schema());
			long start = System.nanoTime();
			connection.setAutoCommit(false);
			try {
				ArchiveEntry entry = store.find(this.id);
				if (entry == null) {
					throw new ArchiveRefusedException("There is no archive " + this.id + " in schema "
							+ store.schemaName() + ": the archives command lists them.");
				}
				long rows = new Restorer(connection, store).restore(entry);
				RestoreResult result = new RestoreResult(target.target().name(), entry, rows);
				if (target.historyExists()) {
					int millis = (int) ((System.nanoTime() - start) / 1_000_000);
					String description = "restore archive " + entry.id() + " (" + entry.kind().name().toLowerCase()
							+ " " + entry.object() + ")";
					target.history()
						.append(new SchemaHistory.NewEntry(null, truncate(description, 200), HistoryType.RESTORE,
								entry.script(), null, millis, true, true, 0, 0, null));
				}
				connection.commit();
				logger.info(result.summary());
				return result;
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

	private static String truncate(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max);
	}

	@Override
	public boolean readsMigrations() {
		return false;
	}

}
