package dev.strata.test;

/** One way of getting a PostgreSQL server for the test JVM. */
interface ServerSource {

	/** "external", "testcontainers" or "embedded". */
	String kind();

	/** Starts (or connects to) the server; called at most once. */
	Endpoint start();

	/**
	 * How to reach a started server as a user allowed to CREATE DATABASE.
	 *
	 * @param adminJdbcUrl URL of the maintenance database {@code postgres}, without
	 * credentials
	 * @param stop run once at JVM shutdown
	 */
	record Endpoint(String adminJdbcUrl, String username, String password, Runnable stop) {
		@Override
		public String toString() {
			return "Endpoint[" + adminJdbcUrl + ", user " + username + "]";
		}
	}

}
