package dev.strata;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration lock's own connection, opened on a thread of its own while the command
 * reads and judges what it will apply: opening a server session is a wait that need not
 * come after that work.
 */
final class LockConnection {

	private static final Logger logger = LoggerFactory.getLogger(LockConnection.class);

	private final CompletableFuture<Connection> connection = new CompletableFuture<>();

	private LockConnection(DataSource dataSource) {
		Thread thread = new Thread(() -> {
			try {
				this.connection.complete(dataSource.getConnection());
			}
			catch (SQLException | RuntimeException ex) {
				this.connection.completeExceptionally(ex);
			}
		}, "strata-lock-connection");
		thread.setDaemon(true);
		thread.start();
	}

	static LockConnection open(DataSource dataSource) {
		return new LockConnection(dataSource);
	}

	/** The connection, once open; the caller closes it. */
	Connection take() throws SQLException {
		try {
			return this.connection.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof SQLException sql) {
				throw sql;
			}
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			throw ex;
		}
	}

	/** Closes the connection when it opens (or now): the lock was not taken. */
	void discard() {
		this.connection.whenComplete((opened, failure) -> {
			if (opened != null) {
				try {
					opened.close();
				}
				catch (SQLException ex) {
					logger.debug("Could not close the lock's connection opened ahead", ex);
				}
			}
		});
	}

}
