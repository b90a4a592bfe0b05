package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;

import dev.strata.error.ErrorCategory;
import dev.strata.execute.MigrationFailedException;
import dev.strata.test.EmbeddedPostgresLauncher;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrator pointed at a real hot standby: a server of its own, migrated as a primary,
 * then restarted in recovery ({@code standby.signal}), where every write is refused. The
 * reading commands work there; {@code migrate} is a configuration error that says to
 * point Strata at the primary.
 */
class HotStandbyTest {

	private final Path root = Path.of("target", "standby-test-" + UUID.randomUUID()).toAbsolutePath();

	@AfterEach
	void deleteDataDirectory() throws IOException {
		// Where the data really lives, if the server's account could not enter target/
		EmbeddedPostgresLauncher.delete(this.root.resolve("pgdata"));
		if (Files.exists(this.root)) {
			try (Stream<Path> paths = Files.walk(this.root)) {
				paths.sorted(Comparator.reverseOrder()).forEach((path) -> path.toFile().delete());
			}
		}
	}

	@Test
	@Timeout(120)
	void migratingAStandbySaysToPointAtThePrimary() throws Exception {
		Path data = this.root.resolve("pgdata");
		MigrationDir files = new MigrationDir(this.root.resolve("migrations")).write("V1__book.sql",
				"create table book (id int);");
		try (EmbeddedPostgresLauncher.Handle primary = EmbeddedPostgresLauncher.start(data, 0)) {
			assertThat(strata(primary, files).migrate().applied()).hasSize(1);
		}
		Files.createFile(data.resolve("standby.signal"));
		files.write("V2__shelf.sql", "create table shelf (id int);");
		try (EmbeddedPostgresLauncher.Handle standby = EmbeddedPostgresLauncher.start(data, 0)) {
			try (Connection connection = DriverManager.getConnection(standby.jdbcUrl("postgres"), standby.username(),
					standby.password());
					Statement statement = connection.createStatement();
					ResultSet rs = statement.executeQuery("select pg_is_in_recovery()")) {
				rs.next();
				assertThat(rs.getBoolean(1)).as("in recovery").isTrue();
			}
			assertThat(strata(standby, files).status().migrations()).hasSize(2);

			MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
					() -> strata(standby, files).migrate());

			assertThat(ex.category()).isEqualTo(ErrorCategory.CONFIGURATION);
			assertThat(ex.sqlState()).isEqualTo("25006");
			assertThat(ex.getMessage()).contains("Migration V2 (shelf) failed")
				.contains("cannot execute CREATE TABLE in a read-only transaction")
				.contains("Hint: connected to a read-only server: a hot standby or read replica")
				.contains("Point strata.url at the primary");
		}
	}

	private static Strata strata(EmbeddedPostgresLauncher.Handle server, MigrationDir files) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(server.jdbcUrl("postgres"));
		dataSource.setUser(server.username());
		dataSource.setPassword(server.password());
		return new Strata(StrataConfig.builder(dataSource).locations(files.location()).build());
	}

}
