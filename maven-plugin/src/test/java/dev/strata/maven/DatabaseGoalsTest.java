package dev.strata.maven;

import java.nio.file.Path;

import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code strata:migrate}, {@code strata:validate} and {@code strata:info} run as Maven
 * runs them (the goal's configured fields, then {@code execute()}) against a real
 * PostgreSQL.
 */
@StrataPostgres(databasePerTest = true)
class DatabaseGoalsTest {

	@TempDir
	Path dir;

	TestDatabase db;

	TestProject project;

	@BeforeEach
	void project() {
		this.project = new TestProject(this.dir).migration("V1__create_customers.sql",
				"CREATE TABLE customers (id bigint PRIMARY KEY, name text NOT NULL);\n");
	}

	@Test
	void migrateAppliesThePendingMigrationsThenValidatePassesAndInfoListsThem() throws Exception {
		this.project.migration("V2__add_email.sql", "ALTER TABLE customers ADD COLUMN email text;\n");

		database(new MigrateMojo()).execute();

		assertThat(this.db.queryForObject("SELECT count(*) FROM information_schema.columns"
				+ " WHERE table_name = 'customers' AND column_name = 'email'", Long.class))
			.isEqualTo(1);
		assertThat(this.db.queryForObject(
				"SELECT string_agg(version, ',' ORDER BY installed_rank)" + " FROM strata_schema_history WHERE success",
				String.class))
			.isEqualTo("1,2");

		database(new ValidateMojo()).execute();
		assertThat(this.project.log.text()).contains("is valid and up to date at version 2 (2 migrations)");

		this.project.log.lines().clear();
		database(new InfoMojo()).execute();
		assertThat(this.project.log.lines())
			.anySatisfy((line) -> assertThat(line).startsWith("[INFO] Version | Description"))
			.anySatisfy((line) -> assertThat(line).matches("\\[INFO\\] 2 +\\| add email +\\| SQL +\\| APPLIED .*"));
		assertThat(this.project.log.text()).contains("version 2, 0 pending migrations");
	}

	@Test
	void validateFailsWithTheValidationCategoryWhileAMigrationIsPending() {
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(() -> database(new ValidateMojo()).execute())
			.withMessageStartingWith("strata:validate failed (VALIDATION): ")
			.withMessageContaining("V1");
	}

	@Test
	void infoListsPendingMigrationsAndChangesNothing() throws Exception {
		database(new InfoMojo()).execute();

		assertThat(this.project.log.lines()).anySatisfy(
				(line) -> assertThat(line).matches("\\[INFO\\] 1 +\\| create customers +\\| SQL +\\| PENDING.*"));
		assertThat(this.db.queryForObject("SELECT to_regclass('customers') IS NULL", Boolean.class)).isTrue();
	}

	@Test
	void migrateRefusesADropTableWithTheRefusedCategoryAndAppliesNothing() {
		this.project.migration("V2__drop_customers.sql", "DROP TABLE customers;\n");

		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(() -> database(new MigrateMojo()).execute())
			.withMessageStartingWith("strata:migrate failed (REFUSED): ")
			.withMessageContaining("drop-table");
		assertThat(this.db.queryForObject("SELECT to_regclass('customers') IS NULL", Boolean.class)).isTrue();
	}

	@Test
	void theApplicationsAllowDestructiveLetsTheDropRunUnlessThePluginSaysOtherwise() throws Exception {
		this.project.migration("V2__drop_customers.sql", "DROP TABLE customers;\n")
			.applicationProperties("strata.allow-destructive=true\n");
		MigrateMojo refusing = database(new MigrateMojo());
		refusing.allowDestructive = false;

		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(refusing::execute)
			.withMessageContaining("(REFUSED)");

		database(new MigrateMojo()).execute();
		assertThat(this.db.queryForObject("SELECT to_regclass('customers') IS NULL", Boolean.class)).isTrue();
	}

	@Test
	void anEditedAppliedMigrationFailsValidateAndMigrate() throws Exception {
		database(new MigrateMojo()).execute();
		this.project.migration("V1__create_customers.sql", "CREATE TABLE customers (id bigint PRIMARY KEY);\n");

		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(() -> database(new ValidateMojo()).execute())
			.withMessageStartingWith("strata:validate failed (VALIDATION): ")
			.withMessageContaining("checksum");
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(() -> database(new MigrateMojo()).execute())
			.withMessageStartingWith("strata:migrate failed (VALIDATION): ");
	}

	@Test
	void aLoginTheServerRefusesIsAConfigurationError() {
		MigrateMojo mojo = database(new MigrateMojo());
		// the embedded server trusts every password, so the user is what it refuses
		mojo.user = "no_such_role";

		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(mojo::execute)
			.withMessageStartingWith("strata:migrate failed (CONFIGURATION): ")
			.withMessageContaining("-Dstrata.password");
	}

	@Test
	void withoutAUrlTheGoalSaysHowToGiveOne() {
		MigrateMojo mojo = this.project.configure(new MigrateMojo());

		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(mojo::execute)
			.withMessageStartingWith("strata:migrate failed (CONFIGURATION): ")
			.withMessageContaining("-Dstrata.url=jdbc:postgresql://");
	}

	private <T extends DatabaseMojo> T database(T mojo) {
		this.project.configure(mojo);
		mojo.url = this.db.jdbcUrl();
		mojo.user = this.db.username();
		mojo.password = this.db.password();
		return mojo;
	}

}
