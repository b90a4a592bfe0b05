package dev.strata.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A throw-away server from the embedded binaries, on a fresh data directory
 * {@code <tmpdir>/strata-pg/data-<pid>-<random>} that is deleted at shutdown. Directories
 * left by JVMs that were killed are cleaned up (their postmaster stopped) by the next
 * start.
 */
final class EmbeddedServer implements ServerSource {

	private static final Logger LOG = LoggerFactory.getLogger(EmbeddedServer.class);

	/**
	 * Durability off: a crash loses nothing we care about, and DDL-heavy tests run much
	 * faster.
	 */
	static final Map<String, String> TEST_SETTINGS = Map.of("max_connections", "200", "fsync", "off",
			"synchronous_commit", "off", "full_page_writes", "off", "TimeZone", "UTC");

	@Override
	public String kind() {
		return "embedded";
	}

	@Override
	public Endpoint start() {
		Path root = PgBinaries.installation().getParent();
		cleanUpAfterDeadJvms(root);
		Path data = root
			.resolve("data-" + ProcessHandle.current().pid() + "-" + UUID.randomUUID().toString().substring(0, 8));
		EmbeddedPostgresLauncher.Handle handle = EmbeddedPostgresLauncher.launch(data, 0, TEST_SETTINGS, false);
		return new Endpoint(handle.jdbcUrl("postgres"), handle.username(), handle.password(), () -> {
			handle.stop("immediate");
			delete(data);
		});
	}

	private static void cleanUpAfterDeadJvms(Path root) {
		try (var children = Files.list(root)) {
			for (Path dir : (Iterable<Path>) children::iterator) {
				String name = dir.getFileName().toString();
				if (!name.matches("data-\\d+-[0-9a-f]{8}")) {
					continue;
				}
				long pid = Long.parseLong(name.split("-")[1]);
				if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
					continue;
				}
				LOG.info("Removing {} left by a test JVM that did not shut down", dir);
				if (Files.exists(dir.resolve("postmaster.pid"))) {
					try {
						PgCommand.run(PgUser.forDataDirectory(dir), root, List.of(PgBinaries.bin("pg_ctl").toString(),
								"-D", dir.toString(), "-m", "immediate", "-w", "stop"));
					}
					catch (RuntimeException e) {
						LOG.debug("No postmaster to stop in {}: {}", dir, e.getMessage());
					}
				}
				delete(dir);
			}
		}
		catch (IOException | RuntimeException e) {
			LOG.debug("Could not clean up old data directories in {}", root, e);
		}
	}

	private static void delete(Path data) {
		try {
			PgBinaries.deleteTree(data);
		}
		catch (IOException e) {
			throw new UncheckedIOException("Could not delete " + data, e);
		}
	}

}
