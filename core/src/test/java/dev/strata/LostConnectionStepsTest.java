package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.execute.MigrationFailedException;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The migration connection lost at each of Strata's own steps around a migration's
 * statements, made to happen there on a real server: the step is held up by a lock the
 * test holds (or a deferred trigger), and the backend is terminated while it waits. Every
 * error names the migration and says what became of it, and never guesses.
 */
@StrataPostgres(databasePerTest = true)
class LostConnectionStepsTest {

	@TempDir
	Path dir;

	private MigrationDir files;

	@BeforeEach
	void files() {
		this.files = new MigrationDir(this.dir.resolve("migrations")).write("V1__book.sql",
				"create table book (id int);");
	}

	@Test
	@Timeout(90)
	void lostDuringCommitSaysTheOutcomeIsUnknownAndHowToFindOut(TestDatabase db) throws Exception {
		Strata first = Db.strata(db, this.files.location());
		first.migrate();
		// Its snapshot commits in the background: that COMMIT must not be the one found
		// below.
		first.awaitSnapshot();
		// A deferred constraint trigger runs at COMMIT: the commit is in flight while it
		// sleeps.
		this.files.write("V2__audit.sql", """
				create table audit (id int);
				create function slow_commit() returns trigger language plpgsql as $$
				begin perform pg_sleep(30); return null; end $$;
				create constraint trigger slow_commit after insert on audit deferrable initially deferred
				  for each row execute function slow_commit();
				insert into audit values (1);
				""");
		MigratorProcess migrator = MigratorProcess.start(db, this.files.location(), this.dir.resolve("commit.log"));
		int pid = waitForBackend(db, "state = 'active' and query = 'COMMIT'", migrator);
		db.execute("select pg_terminate_backend(" + pid + ")");

		assertThat(migrator.exitCode(60)).as(migrator.log())
			.isEqualTo(MigrateMain.exitCode(ErrorCategory.MIGRATION_FAILED));
		assertThat(migrator.log()).contains("Migration V2 (audit) failed at")
			.contains("statement:  COMMIT (Strata's, after every statement and the history row)")
			.contains("terminating connection")
			.contains("The connection was lost while its COMMIT was in flight, so whether it committed is unknown")
			.contains("select success from \"public\".\"strata_schema_history\" where version = '2'")
			.contains("applied, it committed; still pending, it did not, and the next migrate applies it")
			.doesNotContain("Database error")
			.doesNotContain("was rolled back");
		// Terminated inside the trigger, before the commit record: it did not commit.
		assertThat(Db.history(db)).containsExactly("1|SQL|true");
		this.files.write("V2__audit.sql", "create table audit (id int);");
		assertThat(Db.strata(db, this.files.location()).migrate().applied()).hasSize(1);
	}

	@Test
	@Timeout(60)
	void lostWhileRecordingProgressOutsideATransactionNamesTheMigration(TestDatabase db) throws Exception {
		Db.strata(db, this.files.location()).migrate();
		this.files.write("V2__slow.sql",
				"-- strata:no-transaction\nselect pg_sleep(1);\ncreate index concurrently book_id on book (id);\n");
		try (Connection holder = db.connect()) {
			holder.setAutoCommit(false);
			CompletableFuture<MigrateResult> migrate = CompletableFuture
				.supplyAsync(() -> Db.strata(db, this.files.location()).migrate());
			waitForBackend(db, "state = 'active' and query = 'select pg_sleep(1)'", migrate);
			// The progress record after the first statement waits for this row lock.
			try (Statement statement = holder.createStatement()) {
				statement.execute("select * from strata_schema_history where version = '2' for update");
			}
			int pid = waitForBackend(db, "wait_event_type = 'Lock' and query like 'update %strata_schema_history%'",
					migrate);
			db.execute("select pg_terminate_backend(" + pid + ")");
			MigrationFailedException ex = failure(migrate);
			holder.rollback();

			assertThat(ex.getMessage()).contains("Migration V2 (slow) failed at")
				.contains("(Strata's own bookkeeping")
				.contains("It runs outside a transaction: the connection was lost between its statements, after 1 of"
						+ " 2 had completed.")
				.contains("Its history row shows a statement in flight: the one about to start, or the one before"
						+ " it if the last progress record did not reach the server.");
			assertThat(ex.rolledBack()).isFalse();
		}
		assertThat(Db.column(db, "select success || '|' || statements_run || '|' || statement_in_flight"
				+ " from strata_schema_history where version = '2'"))
			.containsExactly("false|0|1");
	}

	@Test
	@Timeout(60)
	void aProgressRecordRefusedOutsideATransactionNamesTheMigration(TestDatabase db) throws Exception {
		Db.strata(db, this.files.location()).migrate();
		this.files.write("V2__slow.sql",
				"-- strata:no-transaction\nselect pg_sleep(1);\ncreate index concurrently book_id on book (id);\n");
		try (Connection holder = db.connect()) {
			holder.setAutoCommit(false);
			CompletableFuture<MigrateResult> migrate = CompletableFuture.supplyAsync(
					() -> Db
						.strata(db,
								(builder) -> builder.locations(this.files.location())
									.lockTimeout(Duration.ofSeconds(1)))
						.migrate());
			waitForBackend(db, "state = 'active' and query = 'select pg_sleep(1)'", migrate);
			try (Statement statement = holder.createStatement()) {
				statement.execute("select * from strata_schema_history where version = '2' for update");
			}
			MigrationFailedException ex = failure(migrate);
			holder.rollback();

			assertThat(ex.sqlState()).isEqualTo("55P03");
			assertThat(ex.getMessage()).contains("Migration V2 (slow) failed at")
				.contains("It runs outside a transaction; the failure came before its next statement started, so the"
						+ " history row is unchanged: 1 of 2 statements are applied.");
		}
	}

	@Test
	@Timeout(60)
	void lostWhileRecordingTheStartOutsideATransactionSaysNothingRan(TestDatabase db) throws Exception {
		Db.strata(db, this.files.location()).migrate();
		this.files.write("V2__index.sql", "create index concurrently book_id on book (id);\n");
		try (Connection holder = db.connect()) {
			holder.setAutoCommit(false);
			try (Statement statement = holder.createStatement()) {
				statement.execute("lock table strata_schema_history in share mode");
			}
			CompletableFuture<MigrateResult> migrate = CompletableFuture
				.supplyAsync(() -> Db.strata(db, this.files.location()).migrate());
			int pid = waitForBackend(db,
					"wait_event_type = 'Lock' and query like 'insert into %strata_schema_history%'", migrate);
			db.execute("select pg_terminate_backend(" + pid + ")");
			MigrationFailedException ex = failure(migrate);
			holder.rollback();

			assertThat(ex.getMessage()).contains("Migration V2 (index) failed at")
				.contains("It runs outside a transaction, and none of its statements ran: Strata could not record it"
						+ " as started.");
		}
		assertThat(Db.history(db)).containsExactly("1|SQL|true");
		assertThat(Db.strata(db, this.files.location()).migrate().applied()).hasSize(1);
	}

	@Test
	@Timeout(60)
	void lostWhileCreatingTheHistoryNamesTheFirstPendingMigration(TestDatabase db) throws Exception {
		try (Connection holder = db.connect()) {
			holder.setAutoCommit(false);
			// Uncommitted, so invisible: the migrator's own CREATE waits for this
			// transaction.
			try (Statement statement = holder.createStatement()) {
				statement.execute("create table strata_schema_history (id int)");
			}
			CompletableFuture<MigrateResult> migrate = CompletableFuture
				.supplyAsync(() -> Db.strata(db, this.files.location()).migrate());
			int pid = waitForBackend(db,
					"wait_event_type = 'Lock' and query like 'create table if not exists %strata_schema_history%'",
					migrate);
			db.execute("select pg_terminate_backend(" + pid + ")");
			StrataException ex = catchThrowableOfType(ExecutionException.class, () -> migrate.get(20, TimeUnit.SECONDS))
				.getCause() instanceof StrataException strata ? strata : null;
			holder.rollback();

			assertThat(ex).isNotNull();
			assertThat(ex.category()).isEqualTo(ErrorCategory.UNEXPECTED);
			assertThat(ex.getMessage())
				.startsWith("Lost the connection to the database while creating or upgrading"
						+ " the history table, before the first pending migration, V1 (book), started: nothing of this"
						+ " run is applied. Running the migrator again is safe")
				.contains("(SQLState 57P01)");
		}
		assertThat(Db.strata(db, this.files.location()).migrate().applied()).hasSize(1);
	}

	private static MigrationFailedException failure(CompletableFuture<MigrateResult> migrate) {
		ExecutionException outcome = catchThrowableOfType(ExecutionException.class,
				() -> migrate.get(30, TimeUnit.SECONDS));
		assertThat(outcome).as("migrate failed").isNotNull();
		assertThat(outcome.getCause()).isInstanceOf(MigrationFailedException.class);
		return (MigrationFailedException) outcome.getCause();
	}

	private static int waitForBackend(TestDatabase db, String condition, Object work) throws Exception {
		for (int i = 0; i < 600; i++) {
			if (work instanceof CompletableFuture<?> future && future.isDone()) {
				future.get();
				throw new AssertionError("finished before: " + condition);
			}
			if (work instanceof MigratorProcess process && !process.process().isAlive()) {
				throw new AssertionError("the migrator ended before: " + condition + "\n" + process.log());
			}
			List<String> pids = Db.column(db, "select pid from pg_stat_activity where datname = current_database()"
					+ " and pid <> pg_backend_pid() and " + condition);
			if (!pids.isEmpty()) {
				return Integer.parseInt(pids.get(0));
			}
			Thread.sleep(25);
		}
		throw new AssertionError("no backend with " + condition);
	}

}
