/**
 * A real PostgreSQL for tests: an external server, Testcontainers or embedded binaries.
 *
 * <p>
 * {@link dev.strata.test.PostgresServer#shared()} starts one server per JVM, chosen in
 * this order: {@code STRATA_TEST_JDBC_URL} (or {@code -Dstrata.test.jdbc-url},
 * credentials from {@code STRATA_TEST_USER}/{@code STRATA_TEST_PASSWORD}, the URL, else
 * postgres/postgres); a {@code postgres:17-alpine} Testcontainers container when a Docker
 * engine answers; else PostgreSQL 17 from zonky's binary jars, run as an unprivileged
 * user when the JVM is root. {@code -Dstrata.test.server=external|
 * testcontainers|embedded} forces a choice. Each {@link dev.strata.test.TestDatabase} is
 * a fresh database, dropped on close; {@link dev.strata.test.StrataPostgres} does this
 * for JUnit test classes.
 *
 * <p>
 * {@link dev.strata.test.EmbeddedPostgresLauncher} starts a server on a data directory
 * that is kept between runs (for the example application).
 */
package dev.strata.test;
