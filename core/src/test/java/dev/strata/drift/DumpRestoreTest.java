package dev.strata.drift;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.strata.Strata;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code pg_dump | pg_restore} into a fresh database reproduces the schema, so the
 * restored copy (whose snapshot table came along with the data) reports no drift. Needs
 * pg_dump and pg_restore of the server's major version: pg_dump refuses newer servers,
 * and an older one restores other text. Skipped, with the reason, when none are found.
 */
class DumpRestoreTest {

	private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

	@Test
	void restoredCopyHasNoDrift(@TempDir Path directory) throws Exception {
		PostgresServer server = PostgresServer.shared();
		int major = server.majorVersion();
		List<String> looked = new ArrayList<>();
		Optional<Path> bin = candidates().stream().filter((dir) -> matches(dir, major, looked)).findFirst();
		Assumptions.assumeTrue(bin.isPresent(), "no pg_dump/pg_restore of PostgreSQL " + major + " found; looked at "
				+ looked + " (zonky's embedded binaries ship only initdb, pg_ctl and postgres)");
		try (TestDatabase source = server.createDatabase(); TestDatabase copy = server.createDatabase()) {
			Strata strata = new DriftFixture(directory, source.dataSource()).migration(DriftFixture.SCHEMA).strata();
			strata.migrate();
			// pg_dump reads the database by other means: the snapshot must be stored
			// first
			strata.awaitSnapshot();
			Path dump = directory.resolve("schema.dump");
			run(bin.get(), source, "pg_dump", "-Fc", "-f", dump.toString(), "--dbname", source.name());
			run(bin.get(), copy, "pg_restore", "--no-owner", "--dbname", copy.name(), dump.toString());
			DriftReport report = new DriftFixture(directory, copy.dataSource()).strata().drift();
			assertThat(report.state()).as(report.describe()).isEqualTo(DriftState.NO_DRIFT);
		}
	}

	private static List<Path> candidates() throws IOException {
		List<Path> dirs = new ArrayList<>();
		Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		try (DirectoryStream<Path> work = Files.newDirectoryStream(tmp, "strata-pg*")) {
			for (Path root : work) {
				if (Files.isDirectory(root)) {
					try (DirectoryStream<Path> installs = Files.newDirectoryStream(root, "pg-*")) {
						installs.forEach((install) -> dirs.add(install.resolve("bin")));
					}
				}
			}
		}
		for (String entry : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			if (!entry.isEmpty()) {
				dirs.add(Path.of(entry));
			}
		}
		return dirs;
	}

	private static boolean matches(Path dir, int major, List<String> looked) {
		Path dump = dir.resolve("pg_dump");
		if (!Files.isExecutable(dump) || !Files.isExecutable(dir.resolve("pg_restore"))) {
			return false;
		}
		try {
			Process process = new ProcessBuilder(dump.toString(), "--version").redirectErrorStream(true).start();
			String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			process.waitFor(10, TimeUnit.SECONDS);
			Matcher matcher = VERSION.matcher(out);
			looked.add(dump + " (" + out.trim() + ")");
			return matcher.find() && Integer.parseInt(matcher.group(1)) == major;
		}
		catch (IOException ex) {
			looked.add(dump + " (" + ex.getMessage() + ")");
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static void run(Path bin, TestDatabase database, String tool, String... arguments) throws Exception {
		URI uri = URI.create(database.jdbcUrl().substring("jdbc:".length()));
		List<String> command = new ArrayList<>(List.of(bin.resolve(tool).toString(), "--host", uri.getHost(), "--port",
				String.valueOf(uri.getPort()), "--username", database.username()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
		builder.environment().put("PGPASSWORD", database.password());
		Process process = builder.start();
		String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).as(tool + ": " + out).isZero();
	}

}
