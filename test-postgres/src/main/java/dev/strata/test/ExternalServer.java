package dev.strata.test;

/**
 * An existing server named by {@code STRATA_TEST_JDBC_URL} (or
 * {@code -Dstrata.test.jdbc-url}), with credentials from
 * {@code STRATA_TEST_USER}/{@code STRATA_TEST_PASSWORD}, else those in the URL, else
 * postgres/postgres. The user must be allowed to CREATE DATABASE.
 */
final class ExternalServer implements ServerSource {

	private final String url;

	private ExternalServer(String url) {
		this.url = url;
	}

	/** The configured external server, or null when none is configured. */
	static ExternalServer fromEnvironment() {
		String url = setting("strata.test.jdbc-url", "STRATA_TEST_JDBC_URL");
		return url == null ? null : new ExternalServer(url);
	}

	@Override
	public String kind() {
		return "external";
	}

	@Override
	public Endpoint start() {
		JdbcUrls.requirePostgres(url);
		String user = firstNonNull(setting("strata.test.user", "STRATA_TEST_USER"),
				JdbcUrls.parameter(url, "user").orElse(null), "postgres");
		String password = firstNonNull(setting("strata.test.password", "STRATA_TEST_PASSWORD"),
				JdbcUrls.parameter(url, "password").orElse(null), "postgres");
		return new Endpoint(JdbcUrls.withDatabase(url, "postgres"), user, password, () -> {
		});
	}

	private static String setting(String property, String variable) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(variable);
		}
		return value == null || value.isBlank() ? null : value.strip();
	}

	private static String firstNonNull(String... values) {
		for (String value : values) {
			if (value != null) {
				return value;
			}
		}
		return null;
	}

}
