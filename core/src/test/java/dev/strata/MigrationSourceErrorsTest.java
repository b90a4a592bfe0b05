package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.strata.error.ErrorCategory;
import dev.strata.migration.MigrationPreparationException;
import dev.strata.source.MigrationSourceException;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import dev.strata.test.Unreachable;

@StrataPostgres(databasePerTest = true)
class MigrationSourceErrorsTest {

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files() {
		this.files = new MigrationDir(this.dir).write("V1__init.sql", "create table init (id int);");
	}

	@ParameterizedTest
	@ValueSource(strings = { "V2_add_x.sql", "v1__x.sql", "V1.a__x.sql", "V2__.sql", "R1__x.sql", "X__x.sql" })
	void badFileNameIsAnErrorNamingTheFile(String name, TestDatabase db) {
		this.files.write(name, "select 1;");

		MigrationSourceException ex = catchThrowableOfType(MigrationSourceException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(ex.file()).isEqualTo(this.files.describe(name));
		assertThat(ex.getMessage()).contains(name).contains("is not a valid migration name").contains("rename it");
		assertThat(Db.tableExists(db, "init")).isFalse();
	}

	@Test
	void versionsEqualAsNumbersAreDuplicates(TestDatabase db) {
		this.files.write("V1.0__again.sql", "select 1;");

		MigrationSourceException ex = catchThrowableOfType(MigrationSourceException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(ex.getMessage()).contains(this.files.describe("V1__init.sql"))
			.contains(this.files.describe("V1.0__again.sql"))
			.contains("same version");
	}

	@Test
	void duplicateVersionsAcrossTwoLocationsNameBothFiles(TestDatabase db, @TempDir Path other) {
		MigrationDir second = new MigrationDir(other).write("V01__copy.sql", "select 1;");

		MigrationSourceException ex = catchThrowableOfType(MigrationSourceException.class,
				() -> Db.strata(db, this.files.location(), second.location()).migrate());

		assertThat(ex.getMessage()).contains(this.files.describe("V1__init.sql"))
			.contains(second.describe("V01__copy.sql"));
	}

	@Test
	void duplicateRepeatableDescriptionsAreAnError(TestDatabase db) {
		this.files.write("R__views.sql", "select 1;").write("sub/R__views.sql", "select 2;");

		MigrationSourceException ex = catchThrowableOfType(MigrationSourceException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.getMessage()).contains("repeatable migration 'views'");
	}

	@Test
	void nonUtf8FileIsAnErrorNamingFileAndLine(TestDatabase db) {
		byte[] latin1 = "-- caf\u00e9 in Latin-1\nselect 1;\n".getBytes(StandardCharsets.ISO_8859_1);
		this.files.writeBytes("V2__latin1.sql", latin1);

		// Read for its checksum at once, decoded with the other pending files before
		// anything runs.
		MigrationPreparationException ex = catchThrowableOfType(MigrationPreparationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(ex.errors()).singleElement()
			.satisfies((error) -> assertThat(error).startsWith(this.files.describe("V2__latin1.sql") + ":1 ")
				.contains("not valid UTF-8")
				.contains("save the file as UTF-8"));
		assertThat(Db.tableExists(db, "init")).isFalse();
	}

	@Test
	void unknownDirectiveIsAnErrorAndNothingIsApplied(TestDatabase db) {
		this.files.write("V2__typo.sql", "-- strata:no-transactoin\ncreate table typo (id int);");

		MigrationPreparationException ex = catchThrowableOfType(MigrationPreparationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(ex.getMessage()).contains(this.files.describe("V2__typo.sql") + ":1")
			.contains("unknown directive 'strata:no-transactoin'")
			.contains("strata:no-transaction");
		assertThat(Db.tableExists(db, "init")).isFalse();
	}

	@Test
	void otherFilesSuchAsReadmeAreIgnored(TestDatabase db) {
		this.files.write("README.md", "# Migrations\nV2_not_a_migration.sql is just text here.")
			.write("notes.txt", "select 1;");

		MigrateResult result = Db.strata(db, this.files.location()).migrate();

		assertThat(result.applied()).hasSize(1);
		assertThat(Db.tableExists(db, "init")).isTrue();
	}

	@Test
	void badFileAnywhereMeansNothingIsApplied(TestDatabase db) {
		this.files.write("V2__fine.sql", "create table fine (id int);")
			.write("V3__unterminated.sql", "insert into fine values (1);\n\ninsert into fine values ('oops);\n");

		MigrationPreparationException ex = catchThrowableOfType(MigrationPreparationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(ex.getMessage()).contains(this.files.describe("V3__unterminated.sql") + ":3")
			.contains("nothing was applied");
		assertThat(Db.history(db)).isEmpty();
		assertThat(Db.tableExists(db, "init")).isFalse();
		assertThat(Db.tableExists(db, "fine")).isFalse();
	}

	@Test
	void everyBadPendingFileIsReportedAtOnce(TestDatabase db) {
		this.files.write("V2__bad_quote.sql", "select 'x;")
			.write("V3__bad_directive.sql", "-- strata:lock-timeout=soon\nselect 1;");

		MigrationPreparationException ex = catchThrowableOfType(MigrationPreparationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.errors()).hasSize(2);
		assertThat(ex.getMessage()).contains("V2__bad_quote.sql")
			.contains("V3__bad_directive.sql:1")
			.contains("invalid duration 'soon'");
	}

	@Test
	void badFileIsReportedEvenWhenTheDatabaseIsUnreachable() {
		// Files are read while the connection opens; a bad file still comes first, as it
		// names what to fix.
		this.files.write("V2_typo.sql", "select 1;");
		org.postgresql.ds.PGSimpleDataSource nowhere = new org.postgresql.ds.PGSimpleDataSource();
		nowhere.setURL("jdbc:postgresql://127.0.0.1:1/none");
		nowhere.setConnectTimeout(2);

		MigrationSourceException ex = catchThrowableOfType(MigrationSourceException.class,
				() -> new Strata(StrataConfig.builder(nowhere).locations(this.files.location()).build()).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(ex.file()).isEqualTo(this.files.describe("V2_typo.sql"));
	}

}
