package dev.strata.test;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Small helpers for {@code jdbc:postgresql:} URLs: swap the database, read and strip
 * credentials.
 */
final class JdbcUrls {

	private static final String PREFIX = "jdbc:postgresql:";

	private JdbcUrls() {
	}

	/**
	 * The same server and parameters (minus user and password), with another database.
	 */
	static String withDatabase(String url, String database) {
		requirePostgres(url);
		String rest = url.substring(PREFIX.length());
		int query = rest.indexOf('?');
		String params = query < 0 ? "" : rest.substring(query + 1);
		String location = query < 0 ? rest : rest.substring(0, query);
		String server;
		if (location.startsWith("//")) {
			int slash = location.indexOf('/', 2);
			server = (slash < 0 ? location : location.substring(0, slash)) + "/";
		}
		else {
			server = ""; // jdbc:postgresql:database form (localhost:5432)
		}
		List<String> kept = new ArrayList<>();
		for (String param : params.split("&")) {
			String key = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
			if (!param.isEmpty() && !key.equals("user") && !key.equals("password")) {
				kept.add(param);
			}
		}
		return PREFIX + server + database + (kept.isEmpty() ? "" : "?" + String.join("&", kept));
	}

	/** A query parameter's decoded value, if present. */
	static Optional<String> parameter(String url, String name) {
		int query = url.indexOf('?');
		if (query < 0) {
			return Optional.empty();
		}
		for (String param : url.substring(query + 1).split("&")) {
			int eq = param.indexOf('=');
			if (eq > 0 && param.substring(0, eq).equals(name)) {
				return Optional.of(URLDecoder.decode(param.substring(eq + 1), StandardCharsets.UTF_8));
			}
		}
		return Optional.empty();
	}

	static void requirePostgres(String url) {
		if (url == null || !url.startsWith(PREFIX)) {
			throw new IllegalArgumentException("Not a PostgreSQL JDBC URL (jdbc:postgresql:...): " + url);
		}
	}

}
