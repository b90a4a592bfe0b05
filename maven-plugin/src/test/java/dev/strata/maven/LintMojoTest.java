package dev.strata.maven;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code strata:lint}'s settings and failures; the invoker projects under src/it run it
 * in real builds.
 */
class LintMojoTest {

	@TempDir
	Path dir;

	@Test
	void theApplicationsSettingsApplyAndThePluginsWin() throws Exception {
		TestProject project = new TestProject(this.dir).migration("V1__drop_customers.sql", "DROP TABLE customers;\n")
			.applicationProperties("strata.allowDestructive=true\nstrata.lint.format=json\n");

		project.configure(lint()).execute();
		assertThat(this.dir.resolve("target/strata-lint.json")).content().contains("\"drop-table\"");

		LintMojo strict = project.configure(lint());
		strict.allowDestructive = false;
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(strict::execute)
			.withMessageStartingWith(
					"strata:lint failed (REFUSED): lint verdict REFUSED: 1 destructive statement not allowed:\n")
			.withMessageContaining(
					"src/main/resources/db/migration/V1__drop_customers.sql:1:1 [drop-table] DESTRUCTIVE: drops table"
						.replace('/', File.separatorChar));
	}

	@Test
	void ruleModesMergeWithThePluginsWinningPerRule() throws Exception {
		TestProject project = new TestProject(this.dir)
			.migration("V1__drops.sql", "DROP TABLE customers;\nTRUNCATE orders;\n")
			.applicationProperties("strata.guard.rules.drop-table=warn\nstrata.guard.rules.truncate=warn\n");
		LintMojo mojo = project.configure(lint());
		mojo.rules = Map.of("truncate", "refuse");

		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(mojo::execute)
			.withMessageContaining("[truncate]")
			.withMessageNotContaining("[drop-table]");
		assertThat(project.log.text()).contains("[WARNING] ").contains("[drop-table]");
	}

	@Test
	void theApplicationsYamlAppliesAsItsPropertiesDo() throws Exception {
		TestProject project = new TestProject(this.dir).migration("V1__drop_customers.sql", "DROP TABLE customers;\n")
			.applicationYaml("""
					spring:
					  application:
					    name: shop
					strata:
					  allow-destructive: true
					  lint:
					    format: json
					---
					spring.config.activate.on-profile: prod
					strata.allow-destructive: false
					""");

		project.configure(lint()).execute();

		assertThat(this.dir.resolve("target/strata-lint.json")).content().contains("\"drop-table\"");
	}

	@Test
	void theApplicationsPropertiesWinOverItsYamlAndBothNameWhatTheyRead() throws Exception {
		TestProject project = new TestProject(this.dir).migration("V1__drop_customers.sql", "DROP TABLE customers;\n")
			.applicationYaml("strata:\n  allowDestructive: true\n  guard:\n    strict: maybe\n")
			.applicationProperties("strata.allow-destructive=false\n");

		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(project.configure(lint())::execute)
			.withMessageContaining("strata.guard.strict=maybe in ")
			.withMessageContaining("application.yml is neither true nor false");
		project.applicationYaml("strata:\n  allowDestructive: true\n  locations:\n    - classpath:db/migration\n");
		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(project.configure(lint())::execute)
			.withMessageContaining("[drop-table] DESTRUCTIVE");
	}

	@Test
	void yamlThatIsNotYamlIsAnErrorNamingTheFile() {
		TestProject project = new TestProject(this.dir).migration("V1__customers.sql", "CREATE TABLE c (id int);\n")
			.applicationYaml("strata:\n  locations: [unclosed\n");

		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(project.configure(lint())::execute)
			.withMessageContaining("application.yml is not valid YAML");
	}

	@Test
	void aFilesystemLocationIsReadRelativeToTheProject() throws Exception {
		Files.createDirectories(this.dir.resolve("sql"));
		Files.writeString(this.dir.resolve("sql/V1__customers.sql"), "CREATE TABLE customers (id int);\n");
		LintMojo mojo = new TestProject(this.dir).configure(lint());
		mojo.locations = java.util.List.of("filesystem:sql");
		mojo.outputFile = this.dir.resolve("reports/lint.txt").toFile();

		mojo.execute();

		assertThat(this.dir.resolve("reports/lint.txt")).content().contains("SAFE TO DEPLOY");
	}

	@Test
	void theGithubFormatPrintsItsAnnotationsWhereGithubActionsReadsThem() {
		TestProject project = new TestProject(this.dir).migration("V1__drop_customers.sql", "DROP TABLE customers;\n");
		LintMojo mojo = project.configure(lint());
		mojo.format = "github";
		ByteArrayOutputStream console = new ByteArrayOutputStream();
		mojo.console = new PrintStream(console, true, StandardCharsets.UTF_8);

		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(mojo::execute);

		String annotation = "::error file=src/main/resources/db/migration/V1__drop_customers.sql,line=1,col=1,";
		assertThat(console.toString(StandardCharsets.UTF_8)).startsWith(annotation);
		assertThat(this.dir.resolve("target/strata-lint.txt")).content().startsWith(annotation);
	}

	@Test
	void aBadMigrationFileFailsNamingIt() {
		LintMojo mojo = new TestProject(this.dir).migration("V1_customers.sql", "SELECT 1;\n").configure(lint());

		assertThatExceptionOfType(MojoFailureException.class).isThrownBy(mojo::execute)
			.withMessageStartingWith("strata:lint failed (VALIDATION): ")
			.withMessageContaining("V1_customers.sql");
	}

	@Test
	void noMigrationAtTheLocationsIsAConfigurationError() {
		LintMojo mojo = new TestProject(this.dir).configure(lint());

		assertThatExceptionOfType(MojoExecutionException.class).isThrownBy(mojo::execute)
			.withMessage("strata:lint failed (CONFIGURATION): no migration found at classpath:db/migration;"
					+ " set the plugin's <locations> or strata.locations");
	}

	private LintMojo lint() {
		LintMojo mojo = new LintMojo();
		mojo.buildDirectory = this.dir.resolve("target").toFile();
		return mojo;
	}

}
