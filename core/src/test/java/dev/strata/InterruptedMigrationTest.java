package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.history.HistoryType;
import dev.strata.history.internal.SchemaHistory;
import dev.strata.plan.MigrationState;
import dev.strata.plan.MigrationStatus;
import dev.strata.plan.ValidationProblem;
import dev.strata.migration.Migration;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A non-transactional migration interrupted with a statement in flight: the history row
 * is written as a killed run leaves it, the catalog is set up as the server may have left
 * it, and the next migrate must resume by itself where the catalog tells the outcome, or
 * refuse with the exact state where it cannot. Real kills are in
 * {@link InterruptedMigrationKillTest}.
 */
@StrataPostgres(databasePerTest = true)
class InterruptedMigrationTest {

	private static final String INDEXES = """
			create index concurrently books_a on books (a);
			create index concurrently books_b on books (b);
			create unique index concurrently books_c on books (c);
			""";

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files(TestDatabase db) {
		this.files = new MigrationDir(this.dir).write("V1__books.sql", "create table books (a int, b int, c int);\n"
				+ "insert into books select g, g % 10, g from generate_series(1, 1000) g;");
		Db.strata(db, this.files.location()).migrate();
		this.files.write("V2__index_books.sql", INDEXES);
	}

	@Test
	void invalidIndexInFlightIsDroppedAndBuiltAgain(TestDatabase db) throws Exception {
		db.execute("create index books_a on books (a)");
		// A CREATE INDEX CONCURRENTLY the server cancelled leaves its index INVALID, as a
		// failed one does.
		tryExecute(db, "create unique index concurrently books_b on books (b)");
		assertThat(valid(db, "books_b")).isFalse();
		interrupt(db, "V2__index_books.sql", 2);

		StatusResult status = Db.strata(db, this.files.location()).status();
		assertThat(status.migrations()).extracting(MigrationStatus::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.INTERRUPTED);
		assertThat(status.isValid()).isTrue();
		assertThat(status.pending()).extracting(MigrationStatus::displayName).containsExactly("V2 (index books)");

		MigrateResult result = Db.strata(db, this.files.location()).migrate();

		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::version).containsExactly("2");
		assertThat(valid(db, "books_a")).isTrue();
		assertThat(valid(db, "books_b")).isTrue();
		assertThat(valid(db, "books_c")).isTrue();
		assertThat(Db.count(db, "select count(*) from pg_index where indrelid = 'books'::regclass")).isEqualTo(3);
		// built again from the file: not unique any more
		assertThat(db.queryForObject("select indisunique from pg_index where indexrelid = 'books_b'::regclass",
				Boolean.class))
			.isFalse();
		assertThat(row(db)).isEqualTo("2|true|3/3|null");
		assertThat(Db.strata(db, this.files.location()).validate().isUpToDate()).isTrue();
	}

	@Test
	void validIndexInFlightCountsAsDone(TestDatabase db) throws Exception {
		db.execute("create index books_a on books (a)");
		db.execute("create index books_b on books (a)"); // not what the file says: proof
															// it is not built again
		interrupt(db, "V2__index_books.sql", 2);

		Db.strata(db, this.files.location()).migrate();

		assertThat(db.queryForObject("select pg_get_indexdef('books_b'::regclass)", String.class)).contains("(a)");
		assertThat(valid(db, "books_c")).isTrue();
		assertThat(row(db)).isEqualTo("2|true|3/3|null");
	}

	@Test
	void absentIndexInFlightIsBuilt(TestDatabase db) throws Exception {
		interrupt(db, "V2__index_books.sql", 1);

		Db.strata(db, this.files.location()).migrate();

		assertThat(valid(db, "books_a")).isTrue();
		assertThat(valid(db, "books_b")).isTrue();
		assertThat(valid(db, "books_c")).isTrue();
		assertThat(row(db)).isEqualTo("2|true|3/3|null");
	}

	@Test
	void otherResumableStatementsAreSettledFromTheCatalog(TestDatabase db) throws Exception {
		db.execute("create index books_old on books (a)");
		db.execute("create index books_c2 on books (c)");
		db.execute("create type mood as enum ('sad')");
		db.execute("create table events (at int, x int) partition by range (at)");
		db.execute("create table events_1 partition of events for values from (0) to (10)");
		db.execute("create table events_2 partition of events for values from (10) to (20)");
		this.files.write("V2__index_books.sql", """
				-- strata:no-transaction
				drop index concurrently books_old;
				alter type mood add value 'happy';
				""");
		interrupt(db, "V2__index_books.sql", 1);

		Db.strata(db, this.files.location()).migrate();

		assertThat(Db.tableExists(db, "books_old")).isFalse();
		assertThat(row(db, "2")).isEqualTo("2|true|2/2|null");

		this.files.write("V3__more.sql", """
				-- strata:no-transaction
				alter type mood add value 'glad';
				alter type mood add value if not exists 'calm';
				alter table events detach partition events_1 concurrently;
				reindex index concurrently books_c2;
				vacuum books;
				""");
		db.execute("alter type mood add value 'glad'");
		interrupt(db, "V3__more.sql", 1);

		Db.strata(db, this.files.location()).migrate();

		assertThat(
				Db.column(db, "select enumlabel from pg_enum where enumtypid = 'mood'::regtype order by enumsortorder"))
			.containsExactly("sad", "happy", "glad", "calm");
		assertThat(
				Db.column(db, "select inhrelid::regclass::text from pg_inherits where inhparent = 'events'::regclass"))
			.containsExactly("events_2");
		assertThat(valid(db, "books_c2")).isTrue();
		assertThat(row(db, "3")).isEqualTo("3|true|5/5|null");
	}

	@Test
	void reindexLeftoversAreDroppedFirst(TestDatabase db) throws Exception {
		db.execute("create index books_a on books (a)");
		db.execute("update books set c = 1 where a = 2");
		// what an interrupted REINDEX CONCURRENTLY leaves: an INVALID copy named
		// ..._ccnew
		tryExecute(db, "create unique index concurrently books_a_ccnew on books (c)");
		assertThat(valid(db, "books_a_ccnew")).isFalse();
		this.files.write("V2__index_books.sql", "reindex index concurrently books_a;\n");
		interrupt(db, "V2__index_books.sql", 1);

		Db.strata(db, this.files.location()).migrate();

		assertThat(Db.tableExists(db, "books_a_ccnew")).isFalse();
		assertThat(valid(db, "books_a")).isTrue();
		assertThat(row(db)).isEqualTo("2|true|1/1|null");
	}

	@Test
	void pendingDetachIsFinalized(TestDatabase db) throws Exception {
		db.execute("create table events (at int, x int) partition by range (at)");
		db.execute("create table events_1 partition of events for values from (0) to (10)");
		this.files.write("V2__index_books.sql", "alter table events detach partition events_1 concurrently;\n");
		leaveDetachPending(db);
		assertThat(Db.column(db, "select inhdetachpending from pg_inherits where inhrelid = 'events_1'::regclass"))
			.containsExactly("t");
		interrupt(db, "V2__index_books.sql", 1);

		Db.strata(db, this.files.location()).migrate();

		assertThat(Db.count(db, "select count(*) from pg_inherits where inhrelid = 'events_1'::regclass")).isZero();
		assertThat(row(db)).isEqualTo("2|true|1/1|null");
	}

	@Test
	void runKilledInsideTheFilesOwnBlockRunsTheBlockAgainAndOneKilledAtItsCommitGoesOn(TestDatabase db)
			throws Exception {
		String file = """
				-- strata:no-transaction
				create index concurrently books_a on books (a);
				begin;
				create table notes (n int);
				insert into notes values (1);
				commit;
				create index concurrently books_b on books (b);
				""";
		this.files.write("V2__index_books.sql", file);
		db.execute("create index books_a on books (a)");
		// killed inside the block: the progress written in it rolled back with it, BEGIN
		// is in flight
		interrupt(db, "V2__index_books.sql", 2);

		Db.strata(db, this.files.location()).migrate();

		assertThat(Db.count(db, "select count(*) from notes")).isEqualTo(1);
		assertThat(valid(db, "books_b")).isTrue();
		assertThat(row(db)).isEqualTo("2|true|6/6|null");

		this.files.write("V3__more.sql",
				file.replace("books_a", "books_c").replace("books_b", "books_d").replace("notes", "notes3"));
		db.execute("create index books_c on books (a)");
		db.execute("create table notes3 (n int)");
		db.execute("insert into notes3 values (1)");
		// killed with COMMIT in flight: that record exists only because the block
		// committed
		interrupt(db, "V3__more.sql", 5);

		Db.strata(db, this.files.location()).migrate();

		assertThat(Db.count(db, "select count(*) from notes3")).isEqualTo(1);
		assertThat(valid(db, "books_d")).isTrue();
		assertThat(row(db, "3")).isEqualTo("3|true|6/6|null");
	}

	@Test
	void statementWhoseOutcomeCannotBeReadIsRefusedWithTheExactStateUntilRepaired(TestDatabase db) throws Exception {
		this.files.write("V2__index_books.sql", """
				-- strata:no-transaction
				create index concurrently books_a on books (a);
				update books set b = b + 1;
				create index concurrently books_b on books (b);
				""");
		db.execute("create index books_a on books (a)");
		interrupt(db, "V2__index_books.sql", 2);

		StatusResult status = Db.strata(db, this.files.location()).status();
		assertThat(status.migrations()).extracting(MigrationStatus::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.FAILED);

		ValidationException refused = catchThrowableOfType(ValidationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(refused.category()).isEqualTo(ErrorCategory.VALIDATION);
		assertThat(refused.problems()).extracting(ValidationProblem::kind)
			.containsExactly(ValidationProblem.Kind.FAILED);
		assertThat(refused.getMessage()).contains("V2 (index books): was interrupted outside a transaction")
			.contains("while statement 2 of 3 was in flight: statements 1 to 1 certainly ran")
			.contains("the catalog cannot tell whether that kind of statement completed")
			.contains("ran:       line 2: create index concurrently books_a on books (a)")
			.contains("in flight: line 3: update books set b = b + 1")
			.contains("not run:   line 4: create index concurrently books_b on books (b)")
			.contains("check in the database whether statement 2 took effect")
			.contains("repair");
		assertThat(Db.tableExists(db, "books_b")).isFalse();

		RepairResult repair = Db.strata(db, this.files.location()).repair();
		assertThat(repair.removedFailed()).containsExactly("V2 (index books)");
		assertThat(Db.history(db)).containsExactly("1|SQL|true");
	}

	@Test
	void editedFileIsNotResumed(TestDatabase db) throws Exception {
		interrupt(db, "V2__index_books.sql", 1);
		this.files.write("V2__index_books.sql", INDEXES + "create index concurrently books_d on books (a, b);\n");

		ValidationException refused = catchThrowableOfType(ValidationException.class,
				() -> Db.strata(db, this.files.location()).migrate());

		assertThat(refused.getMessage()).contains("the file changed since that run");
		assertThat(Db.tableExists(db, "books_a")).isFalse();
	}

	@Test
	void repairLeavesAResumableEntryAlone(TestDatabase db) throws Exception {
		interrupt(db, "V2__index_books.sql", 1);

		RepairResult repair = Db.strata(db, this.files.location()).repair();

		assertThat(repair.removedFailed()).isEmpty();
		assertThat(row(db)).isEqualTo("2|false|0/3|1");
		Db.strata(db, this.files.location()).migrate();
		assertThat(row(db)).isEqualTo("2|true|3/3|null");
	}

	@Test
	void failedStatementStaysFailedAndSaysWhatItLeft(TestDatabase db) {
		db.execute("update books set c = 1 where a = 2");

		MigrateResultOrFailure failure = MigrateResultOrFailure
			.of(() -> Db.strata(db, this.files.location()).migrate());

		assertThat(failure.message())
			.contains("2 of 3 statements are applied and recorded; statement 3 (line 3) failed.")
			.contains("may leave the index books_c behind, INVALID");
		assertThat(row(db)).isEqualTo("2|false|2/3|null");
		assertThat(Db.strata(db, this.files.location()).status().migrations()).extracting(MigrationStatus::state)
			.containsExactly(MigrationState.APPLIED, MigrationState.FAILED);
	}

	/**
	 * Writes the history row a run killed while statement {@code inFlight} (1-based) ran
	 * leaves behind.
	 */
	private void interrupt(TestDatabase db, String script, int inFlight) throws SQLException {
		SqlMigration file = (SqlMigration) Db.strata(db, this.files.location())
			.status()
			.migrations()
			.stream()
			.filter((status) -> status.script().equals(script))
			.findFirst()
			.orElseThrow()
			.migration();
		int total = (int) file.content().lines().filter((line) -> line.endsWith(";")).count();
		try (Connection connection = db.connect()) {
			SchemaHistory history = new SchemaHistory(connection, "public", "strata_schema_history");
			int rank = history.append(new SchemaHistory.NewEntry(file.version().toString(), file.description(),
					HistoryType.SQL, file.script(), file.checksum(), 0, false, false, 0, total, null));
			history.recordProgress(rank, inFlight - 1, inFlight, 10, false);
		}
	}

	private static String row(TestDatabase db) {
		return row(db, "2");
	}

	private static String row(TestDatabase db, String version) {
		return Db.column(db, "select version || '|' || success || '|' || statements_run || '/' || statements_total"
				+ " || '|' || coalesce(statement_in_flight::text, 'null') from strata_schema_history where version = '"
				+ version + "'")
			.get(0);
	}

	private static boolean valid(TestDatabase db, String index) {
		return db.queryForObject("select indisvalid from pg_index where indexrelid = '" + index + "'::regclass",
				Boolean.class);
	}

	private static void tryExecute(TestDatabase db, String sql) {
		try (Connection connection = db.connect()) {
			connection.createStatement().execute(sql);
		}
		catch (SQLException ex) {
			// expected: it fails and leaves what a failure leaves
		}
	}

	/**
	 * Starts a DETACH … CONCURRENTLY that waits for an older snapshot, then cancels it:
	 * the partition stays attached with its detach pending, as a killed migrator leaves
	 * it.
	 */
	private static void leaveDetachPending(TestDatabase db) throws Exception {
		try (Connection reader = db.connect(); Connection detacher = db.connect()) {
			reader.setAutoCommit(false);
			reader.createStatement().execute("set transaction isolation level repeatable read");
			reader.createStatement().execute("select count(*) from events");
			int pid;
			try (var rs = detacher.createStatement().executeQuery("select pg_backend_pid()")) {
				rs.next();
				pid = rs.getInt(1);
			}
			Thread detach = new Thread(
					() -> tryExecuteOn(detacher, "alter table events detach partition events_1 concurrently"));
			detach.start();
			for (int i = 0; i < 200 && Db
				.column(db,
						"select 1 from pg_stat_activity where pid = " + pid
								+ " and wait_event_type = 'Lock' and wait_event = 'virtualxid'")
				.isEmpty(); i++) {
				Thread.sleep(25);
			}
			db.execute("select pg_cancel_backend(" + pid + ")");
			detach.join(10_000);
			reader.rollback();
		}
	}

	private static void tryExecuteOn(Connection connection, String sql) {
		try {
			connection.createStatement().execute(sql);
		}
		catch (SQLException ex) {
			// cancelled, as intended
		}
	}

	/** The message of the failure a migrate ends with. */
	private record MigrateResultOrFailure(String message) {

		static MigrateResultOrFailure of(Runnable migrate) {
			try {
				migrate.run();
			}
			catch (StrataException ex) {
				return new MigrateResultOrFailure(ex.getMessage());
			}
			throw new AssertionError("migrate succeeded");
		}

	}

}
