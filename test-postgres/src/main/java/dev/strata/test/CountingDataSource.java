package dev.strata.test;

import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Logger;

import javax.sql.DataSource;

/**
 * A real DataSource that counts the connections it hands out, to prove that a path (a
 * cached status read, say) opens none. Nothing is faked: every call goes to the
 * DataSource it wraps.
 */
public final class CountingDataSource implements DataSource {

	private final DataSource delegate;

	private final AtomicInteger connections = new AtomicInteger();

	public CountingDataSource(DataSource delegate) {
		this.delegate = delegate;
	}

	/** Connections handed out so far. */
	public int connections() {
		return this.connections.get();
	}

	@Override
	public Connection getConnection() throws SQLException {
		this.connections.incrementAndGet();
		return this.delegate.getConnection();
	}

	@Override
	public Connection getConnection(String username, String password) throws SQLException {
		this.connections.incrementAndGet();
		return this.delegate.getConnection(username, password);
	}

	@Override
	public PrintWriter getLogWriter() throws SQLException {
		return this.delegate.getLogWriter();
	}

	@Override
	public void setLogWriter(PrintWriter out) throws SQLException {
		this.delegate.setLogWriter(out);
	}

	@Override
	public void setLoginTimeout(int seconds) throws SQLException {
		this.delegate.setLoginTimeout(seconds);
	}

	@Override
	public int getLoginTimeout() throws SQLException {
		return this.delegate.getLoginTimeout();
	}

	@Override
	public Logger getParentLogger() {
		return Logger.getGlobal();
	}

	@Override
	public <T> T unwrap(Class<T> iface) throws SQLException {
		return this.delegate.unwrap(iface);
	}

	@Override
	public boolean isWrapperFor(Class<?> iface) throws SQLException {
		return this.delegate.isWrapperFor(iface);
	}

}
