package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.execute.MigrationFailedException;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A role without the privileges a migration needs, and a server that only reads, are
 * configuration errors (exit code 2) whose hint says what to grant, or to point Strata at
 * the primary: real roles on a real server, no stand-ins.
 */
@StrataPostgres(databasePerTest = true)
class PrivilegesAndReadOnlyTest {

	@TempDir
	Path dir;

	private MigrationDir files;

	private TestDatabase db;

	private String role;

	@BeforeEach
	void role(TestDatabase db) {
		this.db = db;
		this.files = new MigrationDir(this.dir).write("V1__book.sql", "create table book (id int, title text);");
		// Roles belong to the cluster: one per test database.
		this.role = "limited_" + db.name();
		db.execute("create role " + this.role + " login");
	}

	@AfterEach
	void dropRole() {
		this.db.execute("drop owned by " + this.role + "; drop role " + this.role);
	}

	@Test
	void noCreateOnTheSchemaForTheHistoryNamesTheGrant() {
		StrataException ex = catchThrowableOfType(StrataException.class, () -> strataAs(this.role).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.CONFIGURATION);
		assertThat(ex.getMessage()).contains("permission denied for schema public (SQLState 42501)")
			.contains("Hint: the role " + this.role + " lacks USAGE, CREATE on schema public: its owner (or a"
					+ " superuser) can give it with GRANT USAGE, CREATE ON SCHEMA public TO " + this.role
					+ "; or migrate as a role that has it (strata.user)");
		assertThat(Db.tableExists(this.db, "strata_schema_history")).isFalse();

		this.db.execute("grant usage, create on schema public to " + this.role);
		Strata limited = strataAs(this.role);
		assertThat(limited.migrate().applied()).hasSize(1);
		// the role owns the snapshot table it stores in the background: done before the
		// role is dropped
		limited.awaitSnapshot();
	}

	@Test
	void aMigrationStatementWithoutThePrivilegeIsAConfigurationErrorNamingTheGrant() {
		Strata owner = Db.strata(this.db, this.files.location());
		owner.migrate();
		// the grants below name the snapshot table, stored in the background
		owner.awaitSnapshot();
		this.db.execute("grant usage on schema public to " + this.role
				+ "; grant select, insert, update, delete on strata_schema_history, strata_schema_history_snapshot to "
				+ this.role + "; grant select on book to " + this.role);
		this.files.write("V2__seed.sql", "insert into book (id, title) values (1, 'Dune');");

		MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
				() -> strataAs(this.role).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.CONFIGURATION);
		assertThat(ex.sqlState()).isEqualTo("42501");
		assertThat(ex.getMessage()).contains("Migration V2 (seed) failed at")
			.contains("Hint: the role " + this.role + " lacks INSERT on table book: its owner (or a superuser) can"
					+ " give it with GRANT INSERT ON TABLE book TO " + this.role + ";");
		assertThat(Db.history(this.db)).containsExactly("1|SQL|true");
	}

	@Test
	void alteringAnotherRolesTableSaysOnlyTheOwnerMay() {
		Strata owner = Db.strata(this.db, this.files.location());
		owner.migrate();
		// the grants below name the snapshot table, stored in the background
		owner.awaitSnapshot();
		this.db.execute("grant usage, create on schema public to " + this.role
				+ "; grant select, insert, update, delete on strata_schema_history, strata_schema_history_snapshot to "
				+ this.role);
		this.files.write("V2__author.sql", "alter table book add column author text;");

		MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
				() -> strataAs(this.role).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.CONFIGURATION);
		assertThat(ex.getMessage()).contains("must be owner of table book")
			.contains("Hint: only the owner of table book (or a member of the role that owns it) may do this")
			.contains("GRANT <owner> TO " + this.role);
	}

	@Test
	void aReadOnlyRoleCannotCreateTheHistory() {
		this.db.execute("grant usage, create on schema public to " + this.role + "; alter role " + this.role
				+ " in database " + this.db.name() + " set default_transaction_read_only = on");

		StrataException ex = catchThrowableOfType(StrataException.class, () -> strataAs(this.role).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.CONFIGURATION);
		assertThat(ex.getMessage()).contains("cannot execute CREATE TABLE in a read-only transaction (SQLState 25006)")
			.contains("Hint: connected to a read-only server")
			.contains("Point strata.url at the primary");
		assertThat(Db.tableExists(this.db, "strata_schema_history")).isFalse();
	}

	@Test
	void aReadOnlyServerRefusesTheMigrationWithExitTwo() {
		Strata owner = Db.strata(this.db, this.files.location());
		owner.migrate();
		// the grants below name the snapshot table, stored in the background
		owner.awaitSnapshot();
		this.db.execute("grant usage, create on schema public to " + this.role
				+ "; grant select, insert, update, delete on strata_schema_history, strata_schema_history_snapshot to "
				+ this.role + "; alter role " + this.role + " in database " + this.db.name()
				+ " set default_transaction_read_only = on");
		this.files.write("V2__shelf.sql", "create table shelf (id int);");

		MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
				() -> strataAs(this.role).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.CONFIGURATION);
		assertThat(ex.sqlState()).isEqualTo("25006");
		assertThat(ex.getMessage()).contains("Migration V2 (shelf) failed")
			.contains("Hint: connected to a read-only server: a hot standby or read replica, or a database or role"
					+ " with default_transaction_read_only = on. Point strata.url at the primary");
		assertThat(Db.tableExists(this.db, "shelf")).isFalse();
	}

	private Strata strataAs(String user) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setURL(this.db.jdbcUrl());
		dataSource.setUser(user);
		return new Strata(StrataConfig.builder(dataSource).locations(this.files.location()).build());
	}

}
