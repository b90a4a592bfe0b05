package dev.strata.test;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real PgBouncer in front of a test database, started on a free port of 127.0.0.1 and
 * stopped by {@link #close()}. Strata's tests use it to prove that migrating through a
 * pooler in transaction mode works; the binary comes from the Debian package
 * {@code pgbouncer} ({@code .ci/run} installs it), and {@link #binary()} is empty where
 * it is missing, so tests can skip with that reason.
 *
 * <p>
 * Clients are trusted (the test server trusts them too); the pool is small, so that
 * server sessions really are shared between clients, and {@code extra_float_digits} (sent
 * by pgJDBC) is ignored as a startup parameter. Like PostgreSQL, PgBouncer refuses to run
 * as root: it runs as the {@link PgUser} the embedded server uses.
 */
public final class PgBouncer implements AutoCloseable {

	private static final List<String> CANDIDATES = List.of("/usr/sbin/pgbouncer", "/usr/bin/pgbouncer",
			"/usr/local/bin/pgbouncer", "/usr/local/sbin/pgbouncer");

	private final Process process;

	private final Path directory;

	private final int port;

	private final String database;

	private PgBouncer(Process process, Path directory, int port, String database) {
		this.process = process;
		this.directory = directory;
		this.port = port;
		this.database = database;
	}

	/** The pgbouncer executable, if installed. */
	public static Optional<Path> binary() {
		for (String candidate : CANDIDATES) {
			Path path = Path.of(candidate);
			if (Files.isExecutable(path)) {
				return Optional.of(path);
			}
		}
		String pathVariable = System.getenv("PATH");
		if (pathVariable != null) {
			for (String dir : pathVariable.split(File.pathSeparator)) {
				Path path = Path.of(dir, "pgbouncer");
				if (Files.isExecutable(path)) {
					return Optional.of(path);
				}
			}
		}
		return Optional.empty();
	}

	/**
	 * Starts PgBouncer in front of {@code db}.
	 * @param poolMode {@code transaction}, {@code session} or {@code statement}
	 * @param poolSize server connections per user and database
	 */
	public static PgBouncer start(TestDatabase db, String poolMode, int poolSize) {
		Path binary = binary().orElseThrow(() -> new IllegalStateException("pgbouncer is not installed"));
		URI server = URI.create(db.jdbcUrl().substring("jdbc:".length()));
		try {
			Path directory = Files.createTempDirectory("strata-pgbouncer-",
					PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
			int port = freePort();
			Path users = directory.resolve("userlist.txt");
			Files.writeString(users, quote(db.username()) + " " + quote(db.password()) + "\n");
			Path config = directory.resolve("pgbouncer.ini");
			Files.writeString(config,
					String.join("\n", "[databases]",
							db.name() + " = host=" + server.getHost() + " port=" + server.getPort() + " dbname="
									+ db.name(),
							"[pgbouncer]", "listen_addr = 127.0.0.1", "listen_port = " + port, "unix_socket_dir =",
							"auth_type = trust", "auth_file = " + users, "pool_mode = " + poolMode,
							"default_pool_size = " + poolSize, "min_pool_size = 0", "reserve_pool_size = 0",
							"max_client_conn = 200", "server_reset_query =",
							"ignore_startup_parameters = extra_float_digits,options", "admin_users = " + db.username(),
							""),
					StandardCharsets.UTF_8);
			PgUser user = PgUser.forDataDirectory(directory);
			user.handOver(directory);
			List<String> command = new java.util.ArrayList<>(user.commandPrefix());
			command.add(binary.toString());
			command.add(config.toString());
			Process process = new ProcessBuilder(command).directory(directory.toFile())
				.redirectErrorStream(true)
				.redirectOutput(directory.resolve("pgbouncer.log").toFile())
				.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
				.start();
			PgBouncer bouncer = new PgBouncer(process, directory, port, db.name());
			bouncer.awaitListening();
			return bouncer;
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not start pgbouncer", e);
		}
	}

	/**
	 * A URL through PgBouncer to the database; {@code prepareThreshold=0}, as PgBouncer
	 * before 1.21 needs.
	 */
	public String jdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?prepareThreshold=0";
	}

	public int port() {
		return port;
	}

	/** What PgBouncer logged so far, for assertion messages. */
	public String log() {
		try {
			return Files.readString(directory.resolve("pgbouncer.log"));
		}
		catch (IOException e) {
			return "(no log: " + e.getMessage() + ")";
		}
	}

	@Override
	public void close() {
		process.destroy();
		try {
			if (!process.waitFor(10, TimeUnit.SECONDS)) {
				process.destroyForcibly();
			}
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			process.destroyForcibly();
		}
	}

	private void awaitListening() {
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
		while (System.nanoTime() < deadline) {
			if (!process.isAlive()) {
				throw new IllegalStateException("pgbouncer exited with " + process.exitValue() + ":\n" + log());
			}
			try (Socket socket = new Socket()) {
				socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
				return;
			}
			catch (IOException e) {
				sleep();
			}
		}
		close();
		throw new IllegalStateException("pgbouncer did not listen on port " + port + " within 15 s:\n" + log());
	}

	private static void sleep() {
		try {
			Thread.sleep(50);
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("Interrupted while waiting for pgbouncer", e);
		}
	}

	private static String quote(String value) {
		return "\"" + value.replace("\"", "\"\"") + "\"";
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
