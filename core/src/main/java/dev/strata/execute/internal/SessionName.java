package dev.strata.execute.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@code application_name} Strata's sessions carry, so that a person looking at
 * {@code pg_stat_activity}, a lock's holder or a blocked query knows them:
 * {@code strata}, the application's name, the host and the process id, as in
 * {@code strata orders (web-7f9c, process 4711)}.
 * <p>
 * A connection borrowed from the application's pool must not keep it: {@link #apply} sets
 * it for the session and the returned {@link Applied} puts back what was there. Through a
 * pooler in transaction mode a session setting would reach other clients, so Strata sets
 * it only where its session is its own ({@link LockFence#sharedSession()} false).
 */
public final class SessionName {

	/** PostgreSQL keeps the first 63 bytes of {@code application_name}. */
	static final int MAX_LENGTH = 63;

	private static final int MAX_APPLICATION = 24;

	private static final Logger logger = LoggerFactory.getLogger(SessionName.class);

	private SessionName() {
	}

	/**
	 * This process's name for its sessions.
	 * @param application the application's name ({@code spring.application.name}), if any
	 */
	public static String of(@Nullable String application) {
		String process = ", process " + ProcessHandle.current().pid() + ")";
		String app = printable(application);
		if (app.length() > MAX_APPLICATION) {
			app = app.substring(0, MAX_APPLICATION);
		}
		String prefix = app.isEmpty() ? "strata (" : "strata " + app + " (";
		String host = printable(host());
		int room = MAX_LENGTH - prefix.length() - process.length();
		if (host.length() > room) {
			host = host.substring(0, Math.max(0, room));
		}
		return prefix + host + process;
	}

	/**
	 * Sets the session's {@code application_name}, unless it has that name already.
	 * @return what restores the name it had, before the connection goes back to its pool
	 */
	public static Applied apply(Connection connection, String name) {
		try {
			if (name.equals(connection.getClientInfo("ApplicationName"))) {
				return Applied.NOTHING;
			}
		}
		catch (SQLException | RuntimeException ex) {
			// A driver that does not track it: set it anyway.
		}
		try (PreparedStatement statement = connection.prepareStatement(
				"select pg_catalog.current_setting('application_name'), pg_catalog.set_config('application_name', ?, false)")) {
			statement.setString(1, name);
			try (ResultSet rs = statement.executeQuery()) {
				rs.next();
				String previous = rs.getString(1);
				return () -> set(connection, previous);
			}
		}
		catch (SQLException ex) {
			logger.debug("Could not set application_name", ex);
			return Applied.NOTHING;
		}
	}

	private static void set(Connection connection, String name) {
		try (PreparedStatement statement = connection
			.prepareStatement("select pg_catalog.set_config('application_name', ?, false)")) {
			statement.setString(1, name);
			statement.execute();
		}
		catch (SQLException ex) {
			// A lost session takes the setting with it.
			logger.debug("Could not restore application_name", ex);
		}
	}

	/**
	 * The host's name without a DNS lookup (which can take seconds on a misconfigured
	 * machine): {@code HOSTNAME} (set in every container), else the kernel's.
	 */
	static String host() {
		for (String variable : new String[] { "HOSTNAME", "COMPUTERNAME" }) {
			String value = System.getenv(variable);
			if (value != null && !value.isBlank()) {
				return value.trim();
			}
		}
		try {
			String kernel = Files.readString(Path.of("/proc/sys/kernel/hostname"), StandardCharsets.US_ASCII).trim();
			if (!kernel.isEmpty()) {
				return kernel;
			}
		}
		catch (IOException | RuntimeException ex) {
			// Not Linux.
		}
		return "unknown host";
	}

	/** PostgreSQL shows only printable ASCII in application_name. */
	private static String printable(@Nullable String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder();
		for (char c : text.trim().toCharArray()) {
			out.append((c >= 32 && c < 127) ? c : '?');
		}
		return out.toString();
	}

	/** Puts the previous name back. */
	@FunctionalInterface
	public interface Applied {

		/** Nothing to put back. */
		Applied NOTHING = () -> {
		};

		void restore();

	}

}
