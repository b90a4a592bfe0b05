package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.source.MigrationSourceException;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A location that was configured must be there: a typo in it is an error naming it, and
 * nothing is created, neither the history nor the snapshot table. Only the default
 * location may be missing. Below a location, whatever is named like a migration must be a
 * file Strata can read.
 */
@StrataPostgres(databasePerTest = true)
class MigrationLocationsTest {

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files() {
		this.files = new MigrationDir(this.dir).write("V1__init.sql", "create table init (id int);");
	}

	@Test
	void aConfiguredDirectoryThatDoesNotExistIsAnErrorAndNothingIsCreated(TestDatabase db) {
		String typo = "filesystem:" + this.dir.resolve("migrashuns");

		StrataException ex = catchThrowableOfType(StrataException.class, () -> Db.strata(db, typo).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.CONFIGURATION);
		assertThat(ex.getMessage()).isEqualTo("Migration location " + typo
				+ " does not exist. Fix: correct the location (strata.locations), or create the directory.");
		assertNothingCreated(db);
	}

	@Test
	void aRelativeDirectoryIsNamedAsTheProcessResolvedIt(TestDatabase db) {
		StrataException ex = catchThrowableOfType(StrataException.class,
				() -> Db.strata(db, "filesystem:no/such/dir").migrate());

		assertThat(ex.getMessage()).startsWith("Migration location filesystem:no/such/dir ("
				+ Path.of("no/such/dir").toAbsolutePath() + ") does not exist.");
	}

	@Test
	void aConfiguredClasspathLocationThatDoesNotExistIsAnError(TestDatabase db) {
		StrataException ex = catchThrowableOfType(StrataException.class,
				() -> Db.strata(db, "classpath:db/migrashuns").migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.CONFIGURATION);
		assertThat(ex.getMessage()).startsWith("Migration location classpath:db/migrashuns is not on the classpath.");
		assertNothingCreated(db);
	}

	@Test
	void everyCommandThatReadsMigrationsRefusesAMissingLocation(TestDatabase db) {
		Strata strata = Db.strata(db, this.files.location(), "filesystem:" + this.dir.resolve("typo"));

		assertThat(catchThrowableOfType(StrataException.class, strata::status).getMessage()).contains("typo");
		assertThat(catchThrowableOfType(StrataException.class, strata::validate).getMessage()).contains("typo");
		assertThat(catchThrowableOfType(StrataException.class, strata::dryRun).getMessage()).contains("typo");
		assertThat(catchThrowableOfType(StrataException.class, strata::lint).getMessage()).contains("typo");
		assertNothingCreated(db);
	}

	@Test
	void theDefaultLocationMayBeMissing(TestDatabase db) {
		// No db/migration on core's test classpath: a project without migrations yet.
		MigrateResult result = Db.strata(db, (builder) -> {
		}).migrate();

		assertThat(result.applied()).isEmpty();
		assertThat(result.currentVersion()).isNull();
	}

	@Test
	void aLocationThatIsAFileIsAnError(TestDatabase db) {
		String file = "filesystem:" + this.dir.resolve("V1__init.sql");

		StrataException ex = catchThrowableOfType(StrataException.class, () -> Db.strata(db, file).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.CONFIGURATION);
		assertThat(ex.getMessage()).startsWith("Migration location " + file + " is not a directory.");
		assertNothingCreated(db);
	}

	@Test
	void anUnreadableLocationIsAnError(TestDatabase db) throws IOException {
		Path locked = Files.createDirectory(this.dir.resolve("locked"));
		Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
		try {
			assumeThat(Files.isReadable(locked)).as("not running as root, who reads anything").isFalse();

			StrataException ex = catchThrowableOfType(StrataException.class,
					() -> Db.strata(db, "filesystem:" + locked).migrate());

			assertThat(ex.category()).isEqualTo(ErrorCategory.CONFIGURATION);
			assertThat(ex.getMessage()).startsWith("Migration location filesystem:" + locked + " cannot be read");
			assertNothingCreated(db);
		}
		finally {
			Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("rwx------"));
		}
	}

	@Test
	void aDanglingSymbolicLinkNamedLikeAMigrationIsAnError(TestDatabase db) throws IOException {
		Files.createSymbolicLink(this.dir.resolve("V2__moved.sql"), this.dir.resolve("elsewhere/V2__moved.sql"));

		MigrationSourceException ex = notAFile(db, "V2__moved.sql");

		assertThat(ex.problem()).isEqualTo(
				"is a symbolic link to " + this.dir.resolve("elsewhere/V2__moved.sql") + ", which does not exist");
	}

	@Test
	void aDirectoryNamedLikeAMigrationIsAnError(TestDatabase db) throws IOException {
		Files.createDirectory(this.dir.resolve("V2__views.sql"));

		MigrationSourceException ex = notAFile(db, "V2__views.sql");

		assertThat(ex.problem()).isEqualTo("is a directory, not a migration file");
		assertThat(ex.hint()).contains("does not end in .sql");
	}

	@Test
	void aPipeNamedLikeAMigrationIsAnErrorInsteadOfAReadThatNeverEnds(TestDatabase db) throws Exception {
		Path fifo = this.dir.resolve("V2__pipe.sql");
		Process mkfifo;
		try {
			mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
		}
		catch (IOException ex) {
			assumeThat(ex).as("mkfifo is available").isNull();
			return;
		}
		assumeThat(mkfifo.waitFor(10, TimeUnit.SECONDS) && mkfifo.exitValue() == 0).as("mkfifo worked").isTrue();

		MigrationSourceException ex = notAFile(db, "V2__pipe.sql");

		assertThat(ex.problem()).isEqualTo("is not a regular file (a pipe, socket or device)");
	}

	@Test
	void aSymbolicLinkToAMigrationFileIsReadThroughIt(TestDatabase db, @TempDir Path real) throws IOException {
		Files.writeString(real.resolve("V2__linked.sql"), "create table linked (id int);");
		Files.createSymbolicLink(this.dir.resolve("V2__linked.sql"), real.resolve("V2__linked.sql"));

		assertThat(Db.strata(db, this.files.location()).migrate().applied()).hasSize(2);
		assertThat(Db.tableExists(db, "linked")).isTrue();
	}

	private MigrationSourceException notAFile(TestDatabase db, String name) {
		MigrationSourceException ex = catchThrowableOfType(MigrationSourceException.class,
				() -> Db.strata(db, this.files.location()).migrate());
		assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(ex.file()).isEqualTo(this.files.describe(name));
		assertThat(Db.tableExists(db, "init")).as("nothing applied").isFalse();
		assertNothingCreated(db);
		return ex;
	}

	private static void assertNothingCreated(TestDatabase db) {
		assertThat(Db.tableExists(db, "strata_schema_history")).isFalse();
		assertThat(Db.tableExists(db, "strata_schema_history_snapshot")).isFalse();
		assertThat(Db.tableExists(db, "strata_schema_history_lock")).isFalse();
	}

}
