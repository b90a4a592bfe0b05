package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.plan.MigrationState;
import dev.strata.plan.MigrationStatus;
import dev.strata.plan.ValidationProblem;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@StrataPostgres(databasePerTest = true)
class ValidationTest {

	private static final String V1 = "create table a (id int);\n-- a comment\ncreate table b (id int);\n";

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files() {
		this.files = new MigrationDir(this.dir).write("V1__ab.sql", V1);
	}

	@Test
	void editedAppliedFileIsAChecksumMismatch(TestDatabase db) {
		Db.strata(db, this.files.location()).migrate();
		this.files.write("V1__ab.sql", V1 + "create table c (id int);\n")
			.write("V2__d.sql", "create table d (id int);");

		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(ex.problems()).extracting(ValidationProblem::kind)
			.containsExactly(ValidationProblem.Kind.CHECKSUM_MISMATCH);
		assertThat(ex.getMessage()).contains("V1 (ab)")
			.contains(this.files.describe("V1__ab.sql") + " changed after it was applied")
			.contains("nothing was applied")
			.contains("Fix: restore the file");
		assertThat(Db.tableExists(db, "d")).isFalse();
		assertThat(
				catchThrowableOfType(ValidationException.class, () -> Db.strata(db, this.files.location()).validate()))
			.isNotNull();
	}

	@Test
	void repairRealignsTheChecksumOfAnIntentionalEdit(TestDatabase db) {
		Db.strata(db, this.files.location()).migrate();
		this.files.write("V1__ab.sql", V1 + "-- documented later\n");

		RepairResult repair = Db.strata(db, this.files.location()).repair();

		assertThat(repair.realigned()).singleElement().asString().startsWith("V1 (ab): checksum");
		assertThat(Db.strata(db, this.files.location()).validate().isUpToDate()).isTrue();
	}

	@Test
	void crlfAndBomVariantOfAnAppliedFileIsNotAMismatch(TestDatabase db) {
		Db.strata(db, this.files.location()).migrate();
		byte[] crlf = V1.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
		byte[] withBom = new byte[crlf.length + 3];
		withBom[0] = (byte) 0xEF;
		withBom[1] = (byte) 0xBB;
		withBom[2] = (byte) 0xBF;
		System.arraycopy(crlf, 0, withBom, 3, crlf.length);
		this.files.writeBytes("V1__ab.sql", withBom);

		StatusResult status = Db.strata(db, this.files.location()).validate();

		assertThat(status.isUpToDate()).isTrue();
		assertThat(Db.strata(db, this.files.location()).migrate().applied()).isEmpty();
	}

	@Test
	void appliedMigrationWithoutItsFileIsMissing(TestDatabase db) {
		this.files.write("V2__c.sql", "create table c (id int);");
		Db.strata(db, this.files.location()).migrate();
		this.files.delete("V1__ab.sql");

		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.problems()).extracting(ValidationProblem::kind).containsExactly(ValidationProblem.Kind.MISSING);
		assertThat(ex.getMessage()).contains("V1 (ab): was applied (V1__ab.sql) but no file has it any more");
	}

	@Test
	void pendingVersionBelowTheCurrentOneIsRefusedUnlessOutOfOrderIsAllowed(TestDatabase db) {
		this.files.write("V3__c.sql", "create table c (id int);");
		Db.strata(db, this.files.location()).migrate();
		this.files.write("V2__late.sql", "create table late (id int);");

		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> Db.strata(db, this.files.location()).migrate());
		assertThat(ex.problems()).extracting(ValidationProblem::kind)
			.containsExactly(ValidationProblem.Kind.OUT_OF_ORDER);
		assertThat(ex.getMessage()).contains("V2 (late)").contains("strata.out-of-order=true");
		assertThat(Db.tableExists(db, "late")).isFalse();

		Strata outOfOrder = Db.strata(db, (builder) -> builder.locations(this.files.location()).outOfOrder(true));
		assertThat(outOfOrder.status().migrations()).extracting(MigrationStatus::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.OUT_OF_ORDER, MigrationState.APPLIED);
		MigrateResult result = outOfOrder.migrate();
		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::version).containsExactly("2");
		assertThat(result.currentVersion()).isEqualTo("3");
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "3|SQL|true", "2|SQL|true");
	}

	@Test
	void failedEntryInTheHistoryIsAProblem(TestDatabase db) {
		Db.strata(db, this.files.location()).migrate();
		// Outside a transaction, the first index is built and the second fails: recorded
		// as failed.
		this.files.write("V2__broken.sql",
				"create index concurrently a_id on a (id);\ncreate index concurrently x_id on missing (id);");
		catchThrowableOfType(StrataException.class, () -> Db.strata(db, this.files.location()).migrate());

		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> Db.strata(db, this.files.location()).validate());

		assertThat(ex.problems()).extracting(ValidationProblem::kind).containsExactly(ValidationProblem.Kind.FAILED);
		assertThat(ex.getMessage()).contains("V2 (broken): is recorded as failed").contains("repair");
	}

	@Test
	void oneExceptionListsEveryProblemWithItsFix(TestDatabase db) {
		this.files.write("V2__c.sql", "create table c (id int);").write("V4__e.sql", "create table e (id int);");
		Db.strata(db, this.files.location()).migrate();
		this.files.write("V1__ab.sql", V1 + "-- edited\n")
			.delete("V2__c.sql")
			.write("V3__d.sql", "create table d (id int);");

		ValidationException ex = catchThrowableOfType(ValidationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(ex.problems()).extracting(ValidationProblem::kind)
			.containsExactlyInAnyOrder(ValidationProblem.Kind.CHECKSUM_MISMATCH, ValidationProblem.Kind.MISSING,
					ValidationProblem.Kind.OUT_OF_ORDER);
		assertThat(ex.getMessage()).contains("failed with 3 problems");
		assertThat(ex.getMessage().split("\n    Fix: ", -1)).hasSize(4);
		assertThat(Db.tableExists(db, "d")).isFalse();
	}

}
