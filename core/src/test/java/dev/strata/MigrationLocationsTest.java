package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
	void anUnreadableLocationIsAnError(TestDatabase db) throws Exception {
		Path locked = Files.createDirectory(this.dir.resolve("locked"));
		Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
		try {
			if (Files.isReadable(locked)) {
				// root reads anything: a migrator without the capabilities that let it
				// cannot
				unreadableToAMigratorWithoutRootsOverride(db, locked);
				return;
			}
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

	/**
	 * Root reads any directory through CAP_DAC_OVERRIDE and CAP_DAC_READ_SEARCH: a
	 * migrator process started without them (util-linux's {@code setpriv}) is refused
	 * like any other user, which is what CI, running as root, can test.
	 */
	private void unreadableToAMigratorWithoutRootsOverride(TestDatabase db, Path locked) throws Exception {
		List<String> setpriv = List.of("setpriv", "--bounding-set=-dac_override,-dac_read_search",
				"--inh-caps=-dac_override,-dac_read_search");
		assumeThat(runs(setpriv)).as("setpriv, to drop root's read override, is not available here").isTrue();

		MigratorProcess migrator = MigratorProcess.start(setpriv, db.jdbcUrl(), db, "filesystem:" + locked,
				this.dir.resolve("migrator.log"), Map.of());

		assertThat(migrator.exitCode(60)).as(migrator.log())
			.isEqualTo(MigrateMain.exitCode(ErrorCategory.CONFIGURATION));
		assertThat(migrator.log()).contains("Migration location filesystem:" + locked + " cannot be read");
		assertNothingCreated(db);
	}

	private static boolean runs(List<String> launcher) throws InterruptedException {
		List<String> command = new ArrayList<>(launcher);
		command.add("true");
		try {
			Process process = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(ProcessBuilder.Redirect.DISCARD)
				.start();
			return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
		}
		catch (IOException ex) {
			return false;
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
