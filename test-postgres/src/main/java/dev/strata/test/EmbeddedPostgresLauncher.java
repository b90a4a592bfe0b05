package dev.strata.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts a PostgreSQL server from the embedded binaries on a data directory that survives
 * the run: an initialised directory is reused, an empty or missing one is initialised.
 * Used by the example application; the per-JVM test server uses it too, on a throw-away
 * directory.
 *
 * <p>
 * Works when the JVM runs as root: see {@link PgUser}. The server listens on 127.0.0.1
 * only, with trust authentication for the superuser {@code postgres} (a local development
 * server, never production).
 */
public final class EmbeddedPostgresLauncher {

	private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresLauncher.class);

	private static final String HOST = "127.0.0.1";

	private static final String LOG_FILE = "strata-postgres.log";

	private EmbeddedPostgresLauncher() {
	}

	/**
	 * Starts PostgreSQL on {@code dataDirectory} (created and initialised if needed,
	 * reused otherwise).
	 * @param port the TCP port, or 0 for a free one
	 */
	public static Handle start(Path dataDirectory, int port) {
		return start(dataDirectory, port, Map.of());
	}

	/**
	 * As {@link #start(Path, int)} with extra server settings ({@code -c name=value}).
	 */
	public static Handle start(Path dataDirectory, int port, Map<String, String> settings) {
		return launch(dataDirectory, port, settings, true);
	}

	/**
	 * @param stopAtShutdown whether the handle registers its own shutdown hook
	 */
	static Handle launch(Path dataDirectory, int port, Map<String, String> settings, boolean stopAtShutdown) {
		Path requested = dataDirectory.toAbsolutePath().normalize();
		Path bin = PgBinaries.installation().resolve("bin");
		PgUser user = PgUser.forDataDirectory(requested);
		try {
			Path data = reachable(requested, user);
			if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
				initialise(bin, data, user);
			}
			else {
				user.handOver(data);
				clearStalePid(bin, data, user);
			}
			int actualPort = port == 0 ? freePort() : port;
			startServer(bin, data, user, actualPort, settings);
			return new Handle(bin, data, user, actualPort, stopAtShutdown);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start PostgreSQL on " + requested, e);
		}
	}

	/**
	 * Where the server's files live: the requested directory, or, when the JVM runs as
	 * root and the server's account cannot enter a directory on the way to it (a checkout
	 * in a 0700 folder, such as root's home or one {@code mktemp -d} made), a directory
	 * of Strata's own under the work directory, which the requested path then links to.
	 * So the data still survives restarts at the path the caller knows.
	 */
	private static Path reachable(Path requested, PgUser user) throws IOException {
		if (Files.isSymbolicLink(requested)) {
			Path linked = requested.resolveSibling(Files.readSymbolicLink(requested)).normalize();
			Files.createDirectories(linked);
			return linked;
		}
		if (!user.isOtherThanCurrent() || user.canReach(requested.getParent())) {
			return requested;
		}
		if (Files.isDirectory(requested)) {
			try (var entries = Files.list(requested)) {
				if (entries.findAny().isPresent()) {
					// Data that exists where the server cannot reach it: moving it is the
					// caller's decision.
					user.checkReachable(requested.getParent());
				}
			}
			Files.delete(requested);
		}
		Path relocated = PgBinaries.workDirectory()
			.resolve("linked-" + PgBinaries.digest(requested.toString().getBytes(StandardCharsets.UTF_8)));
		Files.createDirectories(relocated);
		Files.createDirectories(requested.getParent());
		Files.createSymbolicLink(requested, relocated);
		LOG.info("PostgreSQL runs as {} (it refuses root), who cannot enter {}: its data lives in {}, linked from {}",
				user.describe(), requested.getParent(), relocated, requested);
		return relocated;
	}

	/**
	 * Deletes a data directory the launcher started a server on, and the directory it
	 * links to if the server's files were kept elsewhere (see {@link #start}).
	 */
	public static void delete(Path dataDirectory) throws IOException {
		Path requested = dataDirectory.toAbsolutePath().normalize();
		if (Files.isSymbolicLink(requested)) {
			PgBinaries.deleteTree(requested.resolveSibling(Files.readSymbolicLink(requested)).normalize());
			Files.delete(requested);
		}
		else {
			PgBinaries.deleteTree(requested);
		}
	}

	private static void initialise(Path bin, Path data, PgUser user) throws IOException {
		Files.createDirectories(data);
		try (var entries = Files.list(data)) {
			if (entries.findAny().isPresent()) {
				throw new IllegalStateException(data + " is neither empty nor a PostgreSQL data directory");
			}
		}
		Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwx------"));
		user.handOver(data);
		long started = System.nanoTime();
		PgCommand.run(user, data, List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres",
				"-A", "trust", "-E", "UTF8", "--no-locale", "--no-sync", "--no-instructions"));
		LOG.debug("initdb of {} as {} took {} ms", data, user.describe(), (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * After a killed run: stop a postmaster still running on this directory, or drop a
	 * dead one's pid file.
	 */
	private static void clearStalePid(Path bin, Path data, PgUser user) throws IOException {
		Path pidFile = data.resolve("postmaster.pid");
		if (!Files.exists(pidFile)) {
			return;
		}
		Optional<ProcessHandle> process = Files.readAllLines(pidFile)
			.stream()
			.findFirst()
			.map(String::strip)
			.filter(s -> s.matches("\\d+"))
			.flatMap(s -> ProcessHandle.of(Long.parseLong(s)))
			.filter(p -> p.isAlive() && p.info().command().map(c -> c.endsWith("postgres")).orElse(true));
		if (process.isPresent()) {
			LOG.warn("Stopping a PostgreSQL (pid {}) left running on {} by an earlier run", process.get().pid(), data);
			PgCommand.run(user, data, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "fast",
					"-w", "-t", "30", "stop"));
		}
		else {
			LOG.info("Removing stale {}", pidFile);
			Files.deleteIfExists(pidFile);
		}
	}

	private static void startServer(Path bin, Path data, PgUser user, int port, Map<String, String> settings) {
		Map<String, String> all = new LinkedHashMap<>();
		all.put("listen_addresses", HOST);
		all.put("unix_socket_directories", "");
		all.putAll(settings);
		StringBuilder options = new StringBuilder("-p ").append(port);
		all.forEach((name, value) -> {
			if (!name.matches("[A-Za-z_.]+") || !value.matches("[A-Za-z0-9_.:/+-]*")) {
				throw new IllegalArgumentException("Unsupported server setting " + name + "=" + value);
			}
			options.append(" -c ").append(name).append('=').append(value);
		});
		List<String> command = new ArrayList<>(List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
				data.resolve(LOG_FILE).toString(), "-o", options.toString(), "-w", "-t", "60", "start"));
		try {
			PgCommand.run(user, data, command);
		}
		catch (IllegalStateException e) {
			throw new IllegalStateException(e.getMessage() + "\n--- " + LOG_FILE + " ---\n" + logTail(data), e);
		}
	}

	private static String logTail(Path data) {
		try {
			List<String> lines = Files.readAllLines(data.resolve(LOG_FILE), StandardCharsets.UTF_8);
			return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
		}
		catch (IOException e) {
			return "(no log)";
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
			return socket.getLocalPort();
		}
	}

	/** A running server; {@link #close()} stops it and keeps its data directory. */
	public static final class Handle implements AutoCloseable {

		private final Path bin;

		private final Path data;

		private final PgUser user;

		private final int port;

		private final AtomicBoolean stopped = new AtomicBoolean();

		private final Thread shutdownHook;

		private Handle(Path bin, Path data, PgUser user, int port, boolean stopAtShutdown) {
			this.bin = bin;
			this.data = data;
			this.user = user;
			this.port = port;
			this.shutdownHook = stopAtShutdown ? new Thread(() -> stop("fast"), "strata-postgres-stop") : null;
			if (shutdownHook != null) {
				Runtime.getRuntime().addShutdownHook(shutdownHook);
			}
		}

		/** JDBC URL of a database on this server, e.g. {@code jdbcUrl("postgres")}. */
		public String jdbcUrl(String database) {
			return "jdbc:postgresql://" + HOST + ":" + port + "/" + database;
		}

		public String host() {
			return HOST;
		}

		public int port() {
			return port;
		}

		public String username() {
			return "postgres";
		}

		/**
		 * Authentication is 'trust'; any password is accepted, this one is offered for
		 * completeness.
		 */
		public String password() {
			return "postgres";
		}

		public Path dataDirectory() {
			return data;
		}

		/** Stops the server (fast shutdown); the data directory is kept. */
		@Override
		public void close() {
			stop("fast");
			try {
				if (shutdownHook != null) {
					Runtime.getRuntime().removeShutdownHook(shutdownHook);
				}
			}
			catch (IllegalStateException shuttingDown) {
				// already in shutdown: the hook is running or has run
			}
		}

		/** Stops with the given pg_ctl mode ("immediate" for a throw-away server). */
		void stop(String mode) {
			if (stopped.getAndSet(true) || !Files.exists(data.resolve("postmaster.pid"))) {
				return; // already stopped (by us, or by a later start that took the
						// directory over)
			}
			try {
				PgCommand.run(user, data, List.of(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", mode,
						"-w", "-t", "30", "stop"));
			}
			catch (RuntimeException e) {
				LOG.warn("Could not stop PostgreSQL on {}: {}", data, e.getMessage());
			}
		}

	}

}
