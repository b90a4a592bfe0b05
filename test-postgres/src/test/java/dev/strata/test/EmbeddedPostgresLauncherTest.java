package dev.strata.test;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class EmbeddedPostgresLauncherTest {

	// Under target/, not @TempDir: JUnit's temp dirs are mode 700, which 'nobody' could
	// not enter when run as root.
	private final Path dataDirectory = Path.of("target", "launcher-test-" + UUID.randomUUID(), "pgdata")
		.toAbsolutePath();

	@AfterEach
	void deleteDataDirectory() throws Exception {
		PgBinaries.deleteTree(dataDirectory.getParent());
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
