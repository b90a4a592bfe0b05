package dev.strata;

import java.util.Objects;

/**
 * Which settings configured the connection Strata migrates with, so that an error can
 * name what to fix: {@code spring.datasource.url} and its user and password, or
 * {@code strata.url}, {@code strata.user} and {@code strata.password}. The Spring Boot
 * integration supplies them; plain Java keeps {@link #DEFAULT}.
 *
 * @param url what sets the host, port and database, e.g. {@code spring.datasource.url}
 * @param credentials what sets the user and password, e.g.
 * {@code spring.datasource.username and spring.datasource.password}
 */
public record ConnectionSettings(String url, String credentials) {

	/** A DataSource handed to {@link StrataConfig#builder} by plain Java code. */
	public static final ConnectionSettings DEFAULT = new ConnectionSettings(
			"the URL of the DataSource given to StrataConfig.builder(…)", "its user and password");

	public ConnectionSettings {
		Objects.requireNonNull(url, "url must not be null");
		Objects.requireNonNull(credentials, "credentials must not be null");
	}

	/**
	 * {@code "spring.datasource.url, spring.datasource.username and …"}, for messages.
	 */
	public String describe() {
		return this.url + " (host, port, database); " + this.credentials + " (login)";
	}

}
