package dev.strata.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The PostgreSQL server of this test JVM, started on first use and stopped at JVM
 * shutdown.
 *
 * <p>
 * Chosen in this order: an external server ({@code STRATA_TEST_JDBC_URL}), a
 * Testcontainers {@code postgres:17-alpine} container when a Docker engine answers, else
 * the embedded binaries. {@code -Dstrata.test.server=external|testcontainers|embedded}
 * (or {@code STRATA_TEST_SERVER}) forces one.
 */
public final class PostgresServer {

	private static final Logger LOG = LoggerFactory.getLogger(PostgresServer.class);

	private static final Object LOCK = new Object();

	private static volatile PostgresServer shared;

	private final String kind;

	private final ServerSource.Endpoint endpoint;

	private final int majorVersion;

	private final String version;

	private final AtomicInteger counter = new AtomicInteger();

	private final Set<String> openDatabases = ConcurrentHashMap.newKeySet();

	private PostgresServer(String kind, ServerSource.Endpoint endpoint) {
		this.kind = kind;
		this.endpoint = endpoint;
		try (Connection connection = connectAdmin();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select current_setting('server_version_num')::int, version()")) {
			rs.next();
			this.majorVersion = rs.getInt(1) / 10000;
			this.version = rs.getString(2);
		}
		catch (SQLException e) {
			throw new IllegalStateException("PostgreSQL (" + kind + ") does not answer at " + endpoint.adminJdbcUrl(),
					e);
		}
	}

	/** The per-JVM server, started on the first call. */
	public static PostgresServer shared() {
		PostgresServer server = shared;
		if (server == null) {
			synchronized (LOCK) {
				server = shared;
				if (server == null) {
					server = startShared();
					shared = server;
				}
			}
		}
		return server;
	}

	private static PostgresServer startShared() {
		long started = System.nanoTime();
		ServerSource source = chooseSource();
		ServerSource.Endpoint endpoint;
		try {
			endpoint = source.start();
		}
		catch (RuntimeException e) {
			if (!"testcontainers".equals(source.kind()) || forced() != null) {
				throw e;
			}
			LOG.warn("Testcontainers could not start {}, using embedded PostgreSQL: {}", ContainerServer.IMAGE,
					e.toString());
			source = new EmbeddedServer();
			endpoint = source.start();
		}
		ServerSource.Endpoint running = endpoint;
		PostgresServer server;
		try {
			server = new PostgresServer(source.kind(), running);
		}
		catch (RuntimeException e) {
			running.stop().run();
			throw e;
		}
		Runtime.getRuntime().addShutdownHook(new Thread(server::shutdown, "strata-test-postgres-shutdown"));
		LOG.info("PostgreSQL for tests ({}) ready in {} ms: {}", server.kind, (System.nanoTime() - started) / 1_000_000,
				server.version);
		return server;
	}

	private static ServerSource chooseSource() {
		String forced = forced();
		ExternalServer external = ExternalServer.fromEnvironment();
		if ("external".equals(forced) || (forced == null && external != null)) {
			if (external == null) {
				throw new IllegalStateException("strata.test.server=external but STRATA_TEST_JDBC_URL is not set");
			}
			return external;
		}
		if ("testcontainers".equals(forced) || (forced == null && containersUsable())) {
			return new ContainerServer();
		}
		if (forced == null || "embedded".equals(forced)) {
			return new EmbeddedServer();
		}
		throw new IllegalStateException(
				"Unknown strata.test.server '" + forced + "' (external, testcontainers, embedded)");
	}

	private static String forced() {
		String value = System.getProperty("strata.test.server", System.getenv("STRATA_TEST_SERVER"));
		return value == null || value.isBlank() ? null : value.strip().toLowerCase(Locale.ROOT);
	}

	/** Never loads a Testcontainers class unless a Docker engine answered a ping. */
	private static boolean containersUsable() {
		if (!DockerProbe.engineAnswers()) {
			LOG.debug("No Docker engine answers; not using Testcontainers");
			return false;
		}
		try {
			return ContainerServer.dockerAvailable();
		}
		catch (LinkageError | RuntimeException e) {
			LOG.debug("Testcontainers is not usable: {}", e.toString());
			return false;
		}
	}

	/** "external", "testcontainers" or "embedded". */
	public String kind() {
		return kind;
	}

	/** A fresh, empty database (from template0); close it to drop it. */
	public TestDatabase createDatabase() {
		long pid = ProcessHandle.current().pid();
		for (int attempt = 0;; attempt++) {
			String name = "strata_test_" + pid + "_" + counter.incrementAndGet();
			try (Connection connection = connectAdmin(); Statement statement = connection.createStatement()) {
				statement.execute("CREATE DATABASE " + name + " TEMPLATE template0");
				openDatabases.add(name);
				return new TestDatabase(this, name, JdbcUrls.withDatabase(endpoint.adminJdbcUrl(), name));
			}
			catch (SQLException e) {
				// 42P04: left over by an earlier JVM with the same pid on a shared server
				if (!"42P04".equals(e.getSQLState()) || attempt > 100) {
					throw new IllegalStateException("Could not create database " + name, e);
				}
			}
		}
	}

	void dropDatabase(String name) {
		try (Connection connection = connectAdmin(); Statement statement = connection.createStatement()) {
			if (majorVersion >= 13) {
				statement.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
			}
			else {
				statement
					.execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");
				statement.execute("DROP DATABASE IF EXISTS " + name);
			}
			openDatabases.remove(name);
		}
		catch (SQLException e) {
			throw new IllegalStateException("Could not drop database " + name, e);
		}
	}

	/** URL of the maintenance database "postgres" (credentials not included). */
	public String adminJdbcUrl() {
		return endpoint.adminJdbcUrl();
	}

	public String username() {
		return endpoint.username();
	}

	public String password() {
		return endpoint.password();
	}

	public int majorVersion() {
		return majorVersion;
	}

	/** The server's {@code version()} string. */
	public String version() {
		return version;
	}

	Connection connect(String url) throws SQLException {
		Properties properties = new Properties();
		properties.setProperty("user", endpoint.username());
		properties.setProperty("password", endpoint.password());
		return DriverManager.getConnection(url, properties);
	}

	private Connection connectAdmin() throws SQLException {
		return connect(endpoint.adminJdbcUrl());
	}

	private void shutdown() {
		if ("external".equals(kind)) {
			for (String name : Set.copyOf(openDatabases)) {
				try {
					dropDatabase(name);
				}
				catch (RuntimeException e) {
					LOG.warn("Could not drop {} at shutdown: {}", name, e.getMessage());
				}
			}
		}
		endpoint.stop().run();
	}

}
