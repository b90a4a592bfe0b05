package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import dev.strata.archive.ArchiveEntry;
import dev.strata.archive.ArchiveKind;
import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.guard.GuardRefusedException;
import dev.strata.plan.MigrationState;
import dev.strata.plan.MigrationStatus;
import dev.strata.plan.ValidationProblem;
import dev.strata.source.MigrationSourceException;
import dev.strata.sql.SqlStatement;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Undo files ({@code U<version>__…}) on a real database: an undo reverts its version,
 * which becomes pending and is applied again cleanly; undo down to a target; refusals
 * before anything runs; the guard judging undo files as migrations; validation of undo
 * files; the dry run.
 */
@StrataPostgres(databasePerTest = true)
class UndoTest {

	private static final String ALLOW_DROP = "-- strata:allow drop-table reason=\"undo of the version\"\n\n";

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files() {
		this.files = new MigrationDir(this.dir).write("V1__customers.sql", "create table customers (id int);")
			.write("V2__orders.sql", "create table orders (id int, customer int);\ninsert into orders values (1, 1);")
			.write("U2__orders.sql", ALLOW_DROP + "drop table orders;");
	}

	@Test
	void undoRevertsTheLastVersionAndMigrateAppliesItAgain(TestDatabase db) {
		strata(db).migrate();

		UndoResult undone = strata(db).undo();

		assertThat(undone.initialVersion()).isEqualTo("2");
		assertThat(undone.currentVersion()).isEqualTo("1");
		assertThat(undone.undone()).extracting(MigrateResult.AppliedReport::script).containsExactly("U2__orders.sql");
		assertThat(Db.tableExists(db, "public.orders")).isFalse();
		assertThat(Db.tableExists(db, "public.customers")).isTrue();
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true", "2|UNDO_SQL|true");
		StatusResult status = strata(db).status();
		assertThat(status.currentVersion()).isEqualTo("1");
		assertThat(status.pending()).extracting(MigrationStatus::displayName).containsExactly("V2 (orders)");
		assertThat(status.migrations()).extracting(MigrationStatus::state, MigrationStatus::displayName)
			.contains(org.assertj.core.groups.Tuple.tuple(MigrationState.UNDONE, "U2 (orders)"));

		MigrateResult again = strata(db).migrate();

		assertThat(again.applied()).extracting(MigrateResult.AppliedReport::version).containsExactly("2");
		assertThat(Db.count(db, "select count(*) from orders")).isEqualTo(1);
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true", "2|UNDO_SQL|true", "2|SQL|true");
		assertThat(strata(db).validateUpToDate("migrate").isUpToDate()).isTrue();
		// and once more: the history holds two undone applications of V2 and one live
		strata(db).undo();
		strata(db).migrate();
		assertThat(Db.column(db,
				"select count(*) from strata_schema_history where version = '2' and not undone" + " and type = 'SQL'"))
			.containsExactly("1");
		// the table itself still refuses two live rows for one version
		SQLException duplicate = catchThrowableOfType(SQLException.class,
				() -> execute(db, "update strata_schema_history set undone = false where version = '2'"));
		assertThat(duplicate.getSQLState()).isEqualTo("23505");
	}

	@Test
	void anAllowedDestructiveUndoKeepsWhatItDropsInTheArchive(TestDatabase db) {
		strata(db).migrate();

		strata(db).undo();

		assertThat(Db.tableExists(db, "public.orders")).isFalse();
		List<ArchiveEntry> archives = strata(db).archives();
		assertThat(archives)
			.extracting(ArchiveEntry::kind, ArchiveEntry::script, ArchiveEntry::table, ArchiveEntry::rows)
			.containsExactly(
					org.assertj.core.groups.Tuple.tuple(ArchiveKind.DROPPED_TABLE, "U2__orders.sql", "orders", 1L));

		strata(db).restore(archives.get(0).id());

		assertThat(Db.column(db, "select id || '|' || customer from orders")).containsExactly("1|1");
	}

	@Test
	void undoDownToATargetRunsEachUndoNewestFirst(TestDatabase db) {
		this.files.write("V3__lines.sql", "create table lines (id int);")
			.write("U3__lines.sql", ALLOW_DROP + "drop table lines;");
		strata(db).migrate();

		UndoResult undone = strata(db).undo("1");

		assertThat(undone.undone()).extracting(MigrateResult.AppliedReport::version).containsExactly("3", "2");
		assertThat(undone.currentVersion()).isEqualTo("1");
		assertThat(Db.tableExists(db, "public.orders")).isFalse();
		assertThat(Db.tableExists(db, "public.lines")).isFalse();
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true", "3|SQL|true", "3|UNDO_SQL|true",
				"2|UNDO_SQL|true");
		// nothing above the target any more: nothing to do
		assertThat(strata(db).undo("1").undone()).isEmpty();

		assertThat(strata(db).migrate().applied()).extracting(MigrateResult.AppliedReport::version)
			.containsExactly("2", "3");
		assertThat(strata(db).validateUpToDate("migrate").isUpToDate()).isTrue();
	}

	@Test
	void undoWithoutAnUndoFileIsRefusedAndChangesNothing(TestDatabase db) {
		this.files.delete("U2__orders.sql");
		strata(db).migrate();

		StrataException ex = catchThrowableOfType(StrataException.class, () -> strata(db).undo());

		assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(ex.getMessage()).contains("V2 (orders) has no undo file", "U2__<description>.sql", "U2__orders.sql",
				"nothing was undone");
		assertThat(Db.tableExists(db, "public.orders")).isTrue();
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true");
	}

	@Test
	void undoToATargetIsRefusedWhenAVersionAboveItHasNoUndoFile(TestDatabase db) {
		this.files.write("V3__lines.sql", "create table lines (id int);")
			.write("U3__lines.sql", ALLOW_DROP + "drop table lines;")
			.delete("U2__orders.sql");
		strata(db).migrate();

		assertThatThrownBy(() -> strata(db).undo("1")).isInstanceOf(StrataException.class)
			.hasMessageContaining("V2 (orders) has no undo file");

		assertThat(Db.tableExists(db, "public.lines")).isTrue();
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true", "3|SQL|true");
	}

	@Test
	void destructiveUndoIsRefusedByTheGuardUnlessAllowed(TestDatabase db) {
		this.files.write("U2__orders.sql", "drop table orders;");
		strata(db).migrate();

		GuardRefusedException ex = catchThrowableOfType(GuardRefusedException.class, () -> strata(db).undo());

		assertThat(ex.category()).isEqualTo(ErrorCategory.REFUSED);
		assertThat(ex.getMessage()).contains("drop-table", "U2__orders.sql", "nothing was undone");
		assertThat(Db.tableExists(db, "public.orders")).isTrue();
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true");

		UndoResult allowed = Db.strata(db, (builder) -> builder.locations(this.files.location()).allowDestructive(true))
			.undo();

		assertThat(allowed.undone()).hasSize(1);
		assertThat(Db.tableExists(db, "public.orders")).isFalse();
	}

	@Test
	void undoOutsideATransactionIsRecordedAndTheVersionAppliesAgain(TestDatabase db) {
		this.files.write("V3__index.sql", "create index concurrently customers_id on customers (id);")
			.write("U3__index.sql", "drop index concurrently customers_id;");
		strata(db).migrate();

		UndoResult undone = strata(db).undo();

		assertThat(undone.undone()).singleElement().satisfies((report) -> assertThat(report.transactional()).isFalse());
		assertThat(Db.tableExists(db, "public.customers_id")).isFalse();
		assertThat(strata(db).status().pending()).extracting(MigrationStatus::displayName)
			.containsExactly("V3 (index)");
		strata(db).migrate();
		assertThat(Db.tableExists(db, "public.customers_id")).isTrue();
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true", "3|SQL|true", "3|UNDO_SQL|true",
				"3|SQL|true");
	}

	@Test
	void validationReportsAnUndoFileWithoutItsVersion(TestDatabase db) {
		this.files.write("U5__nothing.sql", "select 1;");

		MigrationSourceException ex = catchThrowableOfType(MigrationSourceException.class, () -> strata(db).validate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(ex.getMessage()).contains("U5__nothing.sql", "no versioned SQL migration V5");
	}

	@Test
	void validationReportsAnUndoFileChangedAfterItsVersionWasAppliedUntilRepaired(TestDatabase db) {
		strata(db).migrate();
		this.files.write("U2__orders.sql", ALLOW_DROP + "drop table orders cascade;");

		ValidationException ex = catchThrowableOfType(ValidationException.class, () -> strata(db).validate());

		assertThat(ex.problems()).extracting(ValidationProblem::kind)
			.containsExactly(ValidationProblem.Kind.UNDO_CHECKSUM_MISMATCH);
		assertThat(ex.problems().get(0).detail()).contains("U2__orders.sql", "changed after the migration was applied");
		// an undo file the migration was applied without is not compared
		this.files.write("V3__lines.sql", "create table lines (id int);");
		assertThat(strata(db).repair().realigned()).singleElement().asString().contains("undo file checksum");
		strata(db).migrate();
		this.files.write("U3__lines.sql", ALLOW_DROP + "drop table lines;");
		assertThat(strata(db).validate().isValid()).isTrue();
		// a removed one is
		this.files.delete("U2__orders.sql");
		assertThatThrownBy(() -> strata(db).validate()).isInstanceOf(ValidationException.class)
			.hasMessageContaining("was removed");
	}

	@Test
	void dryRunShowsWhatAnUndoWouldRunAndTouchesNothing(TestDatabase db) {
		this.files.write("V3__lines.sql", "create table lines (id int);")
			.write("U3__lines.sql", ALLOW_DROP + "drop table lines;\ndelete from customers;");
		strata(db).migrate();

		DryRunResult last = strata(db).dryRunUndo(null);
		DryRunResult toOne = strata(db).dryRunUndo("1");

		assertThat(last.pending()).singleElement()
			.satisfies((undo) -> assertThat(undo.statements()).extracting(SqlStatement::text)
				.containsExactly("drop table lines", "delete from customers"));
		assertThat(toOne.pending()).extracting((undo) -> undo.migration().script())
			.containsExactly("U3__lines.sql", "U2__orders.sql");
		assertThat(Db.tableExists(db, "public.lines")).isTrue();
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true", "3|SQL|true");
		assertThatThrownBy(() -> strata(db).dryRunUndo("one")).isInstanceOf(StrataException.class)
			.hasMessageContaining("is not a version");
	}

	@Test
	void historyOfAnOlderStrataGetsTheUndoColumnsUnderTheLock(TestDatabase db) throws SQLException {
		strata(db).migrate();
		execute(db, "drop index strata_schema_history_success_version");
		execute(db, "alter table strata_schema_history drop column undo_checksum, drop column undone");
		execute(db, "create unique index strata_schema_history_success_version on strata_schema_history (version)"
				+ " where success and version is not null");

		assertThat(strata(db).status().isValid()).isTrue();
		strata(db).undo();

		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true", "2|UNDO_SQL|true");
		assertThat(Db.column(db,
				"select indexdef from pg_indexes where indexname = 'strata_schema_history_success_version'"))
			.singleElement()
			.asString()
			.contains("undone");
		strata(db).migrate();
		assertThat(strata(db).validateUpToDate("migrate").isUpToDate()).isTrue();
	}

	private Strata strata(TestDatabase db) {
		return Db.strata(db, this.files.location());
	}

	private static void execute(TestDatabase db, String sql) throws SQLException {
		try (Connection connection = db.connect()) {
			connection.createStatement().execute(sql);
		}
	}

}
