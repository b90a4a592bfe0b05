package dev.strata.maven;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/** {@code strata:new}; the invoker project new-migration runs it in a real build. */
class NewMigrationMojoTest {

	@TempDir
	Path dir;

	@Test
	void writesTheNextVersionWithAHeaderIntoTheFirstLocation() throws Exception {
		TestProject project = new TestProject(this.dir).migration("V1.2__customers.sql", "SELECT 1;\n");
		NewMigrationMojo mojo = project.configure(new NewMigrationMojo());
		mojo.name = "add email to customers";

		mojo.execute();

		Path created = project.migrations().resolve("V1.3__add_email_to_customers.sql");
		assertThat(created).content().startsWith("-- add email to customers\n").contains("strata:allow");
		assertThat(project.log.text()).contains("[INFO] Created " + created);
	}

	@Test
	void aTimestampVersionSortsAfterNumberedOnes() throws Exception {
		TestProject project = new TestProject(this.dir).migration("V7__customers.sql", "SELECT 1;\n");
		NewMigrationMojo mojo = project.configure(new NewMigrationMojo());
		mojo.name = "orders";
		mojo.versionStyle = "timestamp";

		mojo.execute();

		try (var files = Files.list(project.migrations())) {
			assertThat(files.map((file) -> file.getFileName().toString()).sorted().toList()).hasSize(2)
				.first()
				.asString()
				.matches("V20[0-9]{12}__orders\\.sql");
		}
	}

	@Test
	void aTimestampBelowTheHighestVersionIsRefused() {
		TestProject project = new TestProject(this.dir).migration("V99990101000000__future.sql", "SELECT 1;\n");
		NewMigrationMojo mojo = project.configure(new NewMigrationMojo());
		mojo.name = "orders";
		mojo.versionStyle = "timestamp";

		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(mojo::execute)
			.withMessageContaining("is not above the highest version, 99990101000000");
	}

	@Test
	void aFilesystemLocationTakesTheFile() throws Exception {
		NewMigrationMojo mojo = new TestProject(this.dir).configure(new NewMigrationMojo());
		mojo.locations = List.of("filesystem:db/sql", "classpath:db/migration");
		mojo.name = "init";

		mojo.execute();

		assertThat(this.dir.resolve("db/sql/V1__init.sql")).exists();
	}

	@Test
	void withoutANameItSaysHowToGiveOne() {
		NewMigrationMojo mojo = new TestProject(this.dir).configure(new NewMigrationMojo());

		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(mojo::execute)
			.withMessageContaining("-Dname=\"add email to customers\"");
	}

}
