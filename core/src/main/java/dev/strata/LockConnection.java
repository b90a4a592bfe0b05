package dev.strata;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

import javax.sql.DataSource;

import dev.strata.execute.internal.MigrationLock;
import dev.strata.execute.internal.PoolerProbe;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The migration lock's own connection, opened on a thread of its own while the command
 * reads and judges what it will apply: opening a server session is a wait that need not
 * come after that work. The same thread reads the session's backend pid, which the lock
 * needs to tell whether a pooler shares sessions, and which warms the new session up off
 * the command's path.
 */
final class LockConnection implements MigrationLock.Opener {

	private static final Logger logger = LoggerFactory.getLogger(LockConnection.class);

	private final CompletableFuture<Opened> opened = new CompletableFuture<>();

	private LockConnection(DataSource dataSource) {
		Thread thread = new Thread(() -> {
			try {
				this.opened.complete(connect(dataSource));
			}
			catch (SQLException | RuntimeException ex) {
				this.opened.completeExceptionally(ex);
			}
		}, "strata-lock-connection");
		thread.setDaemon(true);
		thread.start();
	}

	private static Opened connect(DataSource dataSource) throws SQLException {
		Connection connection = dataSource.getConnection();
		try {
			// the lock's connection never holds a transaction open, this read neither
			connection.setAutoCommit(true);
			return new Opened(connection, PoolerProbe.backendPid(connection));
		}
		catch (SQLException | RuntimeException ex) {
			try {
				connection.close();
			}
			catch (SQLException closing) {
				ex.addSuppressed(closing);
			}
			throw ex;
		}
	}

	static LockConnection open(DataSource dataSource) {
		return new LockConnection(dataSource);
	}

	/** The connection, once open; the lock closes it. */
	@Override
	public Connection open() throws SQLException {
		return opened().connection();
	}

	@Override
	public int backendPidAtOpen() {
		try {
			return opened().backendPid();
		}
		catch (SQLException ex) {
			return 0;
		}
	}

	private Opened opened() throws SQLException {
		try {
			return this.opened.join();
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
		this.opened.whenComplete((opened, failure) -> {
			if (opened != null) {
				try {
					opened.connection().close();
				}
				catch (SQLException ex) {
					logger.debug("Could not close the lock's connection opened ahead", ex);
				}
			}
		});
	}

	private record Opened(Connection connection, int backendPid) {
	}

}
