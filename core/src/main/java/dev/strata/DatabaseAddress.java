package dev.strata;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import javax.sql.DataSource;

import org.jspecify.annotations.Nullable;
import org.postgresql.Driver;
import org.postgresql.ds.common.BaseDataSource;

/**
 * Where a DataSource connects, for messages when it cannot: host:port (each, for a
 * multi-host URL) and the database, never the user or the password. Read from the
 * driver's own DataSource, or from the JDBC URL of a pool or a Spring DataSource
 * ({@code getJdbcUrl()}: HikariCP, c3p0; {@code getUrl()}: Spring's, DBCP, Tomcat).
 *
 * @param hosts {@code host:port} for each host
 * @param database the database name, {@code null} if the URL names none
 * @param connectTimeout the driver's {@code connectTimeout} in seconds ({@code 0}: none)
 */
record DatabaseAddress(List<String> hosts, @Nullable String database, int connectTimeout) {

	/** The driver's {@code connectTimeout} when the URL sets none. */
	static final int DEFAULT_CONNECT_TIMEOUT = 10;

	private static final String DEFAULT_PORT = "5432";

	/** The address, or {@code null} if the DataSource does not tell. */
	static @Nullable DatabaseAddress of(DataSource dataSource) {
		try {
			if (dataSource.isWrapperFor(BaseDataSource.class)) {
				BaseDataSource pg = dataSource.unwrap(BaseDataSource.class);
				return of(pg.getServerNames(), pg.getPortNumbers(), pg.getDatabaseName(), pg.getConnectTimeout());
			}
		}
		catch (SQLException | RuntimeException ex) {
			// Not the driver's own: look for a URL.
		}
		String url = url(dataSource);
		return (url != null) ? parse(url) : null;
	}

	/** The address a PostgreSQL JDBC URL names, {@code null} for another URL. */
	static @Nullable DatabaseAddress parse(String url) {
		Properties properties;
		try {
			properties = Driver.parseURL(url, null);
		}
		catch (RuntimeException ex) {
			return null;
		}
		if (properties == null) {
			return null;
		}
		String[] hosts = properties.getProperty("PGHOST", "localhost").split(",");
		String[] ports = properties.getProperty("PGPORT", DEFAULT_PORT).split(",");
		int[] portNumbers = new int[ports.length];
		for (int i = 0; i < ports.length; i++) {
			try {
				portNumbers[i] = Integer.parseInt(ports[i].trim());
			}
			catch (NumberFormatException ex) {
				portNumbers[i] = 0;
			}
		}
		int connectTimeout;
		try {
			connectTimeout = Integer
				.parseInt(properties.getProperty("connectTimeout", String.valueOf(DEFAULT_CONNECT_TIMEOUT)).trim());
		}
		catch (NumberFormatException ex) {
			connectTimeout = DEFAULT_CONNECT_TIMEOUT;
		}
		return of(hosts, portNumbers, properties.getProperty("PGDBNAME"), connectTimeout);
	}

	private static DatabaseAddress of(String[] hosts, int[] ports, @Nullable String database, int connectTimeout) {
		List<String> addresses = new ArrayList<>();
		for (int i = 0; i < hosts.length; i++) {
			int port = (i < ports.length) ? ports[i] : (ports.length > 0) ? ports[ports.length - 1] : 0;
			String host = hosts[i].trim();
			if (host.isEmpty()) {
				host = "localhost";
			}
			// An IPv6 address keeps its brackets, so the port stays readable.
			if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
				host = "[" + host + "]";
			}
			addresses.add(host + ":" + ((port > 0) ? String.valueOf(port) : DEFAULT_PORT));
		}
		return new DatabaseAddress(List.copyOf(addresses), (database == null || database.isEmpty()) ? null : database,
				connectTimeout);
	}

	private static @Nullable String url(DataSource dataSource) {
		for (String getter : new String[] { "getJdbcUrl", "getUrl", "getURL" }) {
			try {
				Method method = dataSource.getClass().getMethod(getter);
				if (Modifier.isPublic(method.getDeclaringClass().getModifiers())
						&& method.getReturnType() == String.class) {
					Object url = method.invoke(dataSource);
					if (url instanceof String text && text.startsWith("jdbc:")) {
						return text;
					}
				}
			}
			catch (ReflectiveOperationException | RuntimeException | LinkageError ex) {
				// Try the next getter.
			}
		}
		return null;
	}

	/** The first host's name, without the port. */
	String firstHost() {
		String first = this.hosts.get(0);
		return first.substring(0, first.lastIndexOf(':'));
	}

	@Override
	public String toString() {
		String where = String.join(", ", this.hosts);
		return (this.database != null) ? where + ", database \"" + this.database + "\"" : where;
	}

}
