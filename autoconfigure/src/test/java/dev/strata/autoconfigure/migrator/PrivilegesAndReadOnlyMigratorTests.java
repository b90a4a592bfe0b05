package dev.strata.autoconfigure.migrator;

import java.nio.file.Path;

import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A migrator whose role lacks a privilege, or whose server only reads, exits 2 (bad
 * configuration, not a failed migration) and says what to grant or where to point it.
 */
class PrivilegesAndReadOnlyMigratorTests {

	private final TestDatabase database = PostgresServer.shared().createDatabase();

	private final String role = "limited_" + this.database.name();

	@TempDir
	Path migrations;

	@BeforeEach
	void createRole() {
		this.database.execute("create role " + this.role + " login");
		MigratorRun.write(this.migrations, "V1__create_book.sql", "create table book (id int primary key);");
	}

	@AfterEach
	void dropDatabaseAndRole() {
		this.database.close();
		// The role owns nothing once its database is gone; drop it from another one.
		try (TestDatabase other = PostgresServer.shared().createDatabase()) {
			other.execute("drop role " + this.role);
		}
	}

	@Test
	void aRoleWithoutCreateOnTheSchemaExitsTwoWithTheGrant() {
		MigratorRun run = MigratorRun.run(this.database, this.migrations, "strata.user=" + this.role,
				"strata.migrator.output=json");
		assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
		JsonNode error = run.json().get("error");
		assertThat(error.get("category").asString()).isEqualTo("CONFIGURATION");
		assertThat(error.get("message").asString()).contains("permission denied for schema public")
			.contains("GRANT USAGE, CREATE ON SCHEMA public TO " + this.role + ";");
	}

	@Test
	void aReadOnlyServerExitsTwoAndSaysToPointAtThePrimary() {
		this.database.execute("grant usage, create on schema public to " + this.role + "; alter role " + this.role
				+ " in database " + this.database.name() + " set default_transaction_read_only = on");
		MigratorRun run = MigratorRun.run(this.database, this.migrations, "strata.user=" + this.role);
		assertThat(run.exitCode).as(run.toString()).isEqualTo(2);
		assertThat(run.output).contains("Error (CONFIGURATION)")
			.contains("read-only transaction (SQLState 25006)")
			.contains("connected to a read-only server")
			.contains("Point strata.url at the primary");
	}

}
