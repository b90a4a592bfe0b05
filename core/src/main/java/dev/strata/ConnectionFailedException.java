package dev.strata;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;

import javax.sql.DataSource;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import org.jspecify.annotations.Nullable;

/**
 * Strata could not open a connection. The message says where it tried (host:port and
 * database), what happened (refused, timed out and after how long, a host name that does
 * not resolve, a login the server rejected) and which settings configured the connection;
 * never the password.
 */
public class ConnectionFailedException extends StrataException {

	private final ConnectionSettings settings;

	private final Reason reason;

	private ConnectionFailedException(String message, ConnectionSettings settings, Reason reason, SQLException cause) {
		super(ErrorCategory.CONFIGURATION, message, cause);
		this.settings = settings;
		this.reason = reason;
	}

	/**
	 * Describes a failed {@code getConnection()}.
	 * @param elapsed how long the attempt took
	 */
	public static ConnectionFailedException of(SQLException ex, Duration elapsed, DataSource dataSource,
			ConnectionSettings settings) {
		DatabaseAddress address = DatabaseAddress.of(dataSource);
		Reason reason = Reason.of(ex);
		String where = (address != null) ? " at " + address : "";
		StringBuilder message = new StringBuilder("Could not connect to PostgreSQL").append(where).append(": ");
		String serverMessage = firstLine(ex.getMessage());
		switch (reason) {
			case UNKNOWN_HOST -> message.append("the host name ")
				.append(quoted(unknownHost(ex, address)))
				.append(" does not resolve (DNS lookup failed). Check the host in ")
				.append(settings.url())
				.append("; inside a container or a cluster, the name must resolve there.");
			case REFUSED -> message.append("the connection was refused: nothing listens on that host and port (a wrong"
					+ " port, or the server is down), or a firewall rejects the connection. Check the host and port in ")
				.append(settings.url())
				.append('.');
			case TIMED_OUT -> message.append("the connection attempt timed out after ")
				.append(seconds(elapsed))
				.append(": nothing answered")
				.append(connectTimeout(address))
				.append(" (an unreachable address, or a firewall that drops the packets). Check the host and port in ")
				.append(settings.url())
				.append("; the URL can set another wait, e.g. ?connectTimeout=5.");
			case NO_ROUTE -> message.append("there is no route to that host (")
				.append(serverMessage)
				.append("). Check the host in ")
				.append(settings.url())
				.append(" and the network between here and the database.");
			case LOGIN_REJECTED -> message.append("the server rejected the login: ")
				.append(serverMessage)
				.append(". Check ")
				.append(settings.credentials())
				.append('.');
			case NO_DATABASE -> message.append(serverMessage)
				.append(". Check the database name in ")
				.append(settings.url())
				.append('.');
			case NO_CONNECT_PRIVILEGE -> message.append(serverMessage)
				.append(": the role lacks the CONNECT privilege on the database; its owner can give it with GRANT"
						+ " CONNECT ON DATABASE ")
				.append((address != null && address.database() != null) ? address.database() : "<database>")
				.append(" TO <role>. Check ")
				.append(settings.credentials())
				.append('.');
			case NOT_POSTGRESQL -> message.append("something answered, but the connection could not be set up (")
				.append(serverMessage)
				.append("). Is that the PostgreSQL port, and does the server accept the URL's sslmode? Check ")
				.append(settings.url())
				.append('.');
			default -> message.append(serverMessage)
				.append(" (SQLState ")
				.append(ex.getSQLState())
				.append("). Check ")
				.append(settings.describe())
				.append('.');
		}
		return new ConnectionFailedException(message.toString(), settings, reason, ex);
	}

	/** Which settings configured the connection that failed. */
	public ConnectionSettings settings() {
		return this.settings;
	}

	/** What kind of failure it was. */
	public Reason reason() {
		return this.reason;
	}

	private static String connectTimeout(@Nullable DatabaseAddress address) {
		if (address == null) {
			return "";
		}
		return (address.connectTimeout() > 0)
				? " within the driver's connectTimeout of " + address.connectTimeout() + " s"
				: ", and the URL sets connectTimeout=0, so only the operating system limits the wait";
	}

	private static String unknownHost(SQLException ex, @Nullable DatabaseAddress address) {
		for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
			if (cause instanceof UnknownHostException && cause.getMessage() != null) {
				String host = cause.getMessage();
				int colon = host.indexOf(':');
				return (colon > 0) ? host.substring(0, colon) : host;
			}
		}
		return (address != null) ? address.firstHost() : "?";
	}

	private static String quoted(String text) {
		return "\"" + text + "\"";
	}

	private static String seconds(Duration elapsed) {
		long millis = elapsed.toMillis();
		if (millis < 1000) {
			return millis + " ms";
		}
		return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
	}

	private static String firstLine(@Nullable String message) {
		if (message == null) {
			return "";
		}
		String text = message.startsWith("FATAL: ") ? message.substring("FATAL: ".length()) : message;
		int newline = text.indexOf('\n');
		text = (newline < 0) ? text : text.substring(0, newline);
		return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
	}

	/** What kind of connection failure it was. */
	public enum Reason {

		/** The host name does not resolve. */
		UNKNOWN_HOST,

		/** The host answered that nothing listens on the port. */
		REFUSED,

		/** Nothing answered within the connect timeout. */
		TIMED_OUT,

		/** The network has no route to the host. */
		NO_ROUTE,

		/** The server rejected the user or the password. */
		LOGIN_REJECTED,

		/** The database does not exist. */
		NO_DATABASE,

		/** The role may not connect to the database. */
		NO_CONNECT_PRIVILEGE,

		/** Something answered, but not as PostgreSQL. */
		NOT_POSTGRESQL,

		/** Anything else: the driver's or server's message says what. */
		OTHER;

		static Reason of(SQLException ex) {
			// The network's answer first: a pool's own exception around it may carry a
			// SQLState of its own.
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof UnknownHostException) {
					return UNKNOWN_HOST;
				}
				if (cause instanceof NoRouteToHostException) {
					return NO_ROUTE;
				}
				if (cause instanceof ConnectException) {
					return REFUSED;
				}
				if (cause instanceof SocketTimeoutException) {
					return TIMED_OUT;
				}
			}
			for (Throwable cause = ex; cause != null; cause = cause.getCause()) {
				if (cause instanceof SQLException sql && sql.getSQLState() != null) {
					Reason reason = ofSqlState(sql);
					if (reason != OTHER) {
						return reason;
					}
				}
			}
			return OTHER;
		}

		private static Reason ofSqlState(SQLException ex) {
			String state = ex.getSQLState();
			String message = String.valueOf(ex.getMessage());
			return switch (state) {
				case "28000", "28P01" -> LOGIN_REJECTED;
				case "3D000" -> NO_DATABASE;
				case "42501" -> NO_CONNECT_PRIVILEGE;
				case "08P01" -> NOT_POSTGRESQL;
				// The driver's loginTimeout, or a pool that gave up waiting for a
				// connection.
				case "08001" -> message.contains("timed out") ? TIMED_OUT : OTHER;
				default -> OTHER;
			};
		}

	}

}
