package dev.strata.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresLauncherTest {

	private final Path dataDirectory = Path.of("target", "launcher-test-" + UUID.randomUUID(), "pgdata")
		.toAbsolutePath();

	private Path closedFolder;

	@AfterEach
	void deleteDataDirectory() throws Exception {
		EmbeddedPostgresLauncher.delete(dataDirectory);
		PgBinaries.deleteTree(dataDirectory.getParent());
		if (closedFolder != null) {
			EmbeddedPostgresLauncher.delete(closedFolder.resolve("checkout/target/pgdata"));
			PgBinaries.deleteTree(closedFolder);
		}
	}

	/**
	 * A checkout in a folder only root may enter ({@code mktemp -d}, {@code /root}): the
	 * server's account cannot reach a data directory inside it, so its files live in a
	 * directory of Strata's own that the requested path links to, and still survive a
	 * restart.
	 */
	@Test
	void runsFromAFolderTheServersAccountCannotEnter() throws Exception {
		Assumptions.assumeTrue(PgUser.runningAsRoot(),
				"only as root does PostgreSQL run as another account, which a 0700 folder shuts out");
		closedFolder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "closed-",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Path data = closedFolder.resolve("checkout/target/pgdata");
		assertThat(PgUser.forDataDirectory(data).canReach(data.getParent())).isFalse();

		try (EmbeddedPostgresLauncher.Handle first = EmbeddedPostgresLauncher.start(data, 0)) {
			update(first, "create table kept (value text); insert into kept values ('survives')");
		}
		assertThat(data).isSymbolicLink();
		assertThat(data.resolve("PG_VERSION")).exists();
		try (EmbeddedPostgresLauncher.Handle second = EmbeddedPostgresLauncher.start(data, 0)) {
			assertThat(query(second, "select value from kept")).isEqualTo("survives");
		}
	}

	/**
	 * Data that already sits where the server cannot reach it is not moved behind the
	 * caller's back.
	 */
	@Test
	void refusesExistingDataItsAccountCannotReach() throws Exception {
		Assumptions.assumeTrue(PgUser.runningAsRoot(),
				"only as root does PostgreSQL run as another account, which a 0700 folder shuts out");
		closedFolder = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "closed-",
				PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
		Path data = Files.createDirectories(closedFolder.resolve("checkout/target/pgdata"));
		Files.writeString(data.resolve("PG_VERSION"), "17\n");

		assertThatIllegalStateException().isThrownBy(() -> EmbeddedPostgresLauncher.start(data, 0))
			.withMessageContaining(closedFolder + " is not searchable by that user");
		assertThat(data.resolve("PG_VERSION")).exists();
	}

	@Test
	void keepsDataAcrossRestartsAndSurvivesAStalePidFile() throws Exception {
		try (EmbeddedPostgresLauncher.Handle first = EmbeddedPostgresLauncher.start(dataDirectory, 0)) {
			assertThat(first.port()).isPositive();
			update(first, "create table kept (value text); insert into kept values ('survives')");
		}
		assertThat(dataDirectory.resolve("PG_VERSION")).exists();

		// as if the JVM and the server had been killed: a pid file whose process is gone
		Files.writeString(dataDirectory.resolve("postmaster.pid"), "999999999\n" + dataDirectory + "\n");

		try (EmbeddedPostgresLauncher.Handle second = EmbeddedPostgresLauncher.start(dataDirectory, 0)) {
			assertThat(query(second, "select value from kept")).isEqualTo("survives");
		}
	}

	@Test
	void stopsAServerLeftRunningOnTheDirectory() throws Exception {
		EmbeddedPostgresLauncher.Handle orphan = EmbeddedPostgresLauncher.start(dataDirectory, 0);
		update(orphan, "create table t (x int)");
		// no close(): a new start on the same directory must take over
		try (EmbeddedPostgresLauncher.Handle again = EmbeddedPostgresLauncher.start(dataDirectory, 0)) {
			assertThat(query(again, "select count(*)::text from t")).isEqualTo("0");
		}
		finally {
			orphan.close();
		}
	}

	private static void update(EmbeddedPostgresLauncher.Handle handle, String sql) throws Exception {
		try (Connection c = DriverManager.getConnection(handle.jdbcUrl("postgres"), handle.username(),
				handle.password())) {
			c.createStatement().execute(sql);
		}
	}

	private static String query(EmbeddedPostgresLauncher.Handle handle, String sql) throws Exception {
		try (Connection c = DriverManager.getConnection(handle.jdbcUrl("postgres"), handle.username(),
				handle.password()); ResultSet rs = c.createStatement().executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

}
