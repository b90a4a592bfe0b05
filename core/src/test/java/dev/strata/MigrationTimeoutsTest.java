package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import dev.strata.error.ErrorCategory;
import dev.strata.targets.MigrationTarget;
import dev.strata.execute.MigrationFailedException;
import dev.strata.execute.MigrationListener;
import dev.strata.migration.PreparedMigration;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@StrataPostgres(databasePerTest = true)
@Timeout(60)
class MigrationTimeoutsTest {

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files(TestDatabase db) {
		this.files = new MigrationDir(this.dir).write("V1__t.sql", "create table t (id int);");
		Db.strata(db, this.files.location()).migrate();
		this.files.write("V2__alter_t.sql", "create table side (id int);\nalter table t add column c int;\n");
	}

	@Test
	void lockTimeoutFailsTheMigrationAfterItsRetries(TestDatabase db) throws Exception {
		AtomicInteger retries = new AtomicInteger();
		try (Connection blocker = lockTable(db)) {
			MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
					() -> Db
						.strata(db,
								(builder) -> builder.locations(this.files.location())
									.lockTimeout(Duration.ofMillis(200))
									.lockRetries(2)
									.retryBackoff(Duration.ofMillis(100))
									.listener(countRetries(retries)))
						.migrate());

			assertThat(ex.category()).isEqualTo(ErrorCategory.MIGRATION_FAILED);
			assertThat(ex.sqlState()).isEqualTo("55P03");
			assertThat(ex.line()).isEqualTo(2);
			assertThat(ex.getMessage()).contains("lock timeout")
				.contains("tried 3 times")
				.contains("strata:lock-timeout");
			assertThat(retries).hasValue(2);
			blocker.rollback();
		}
		assertThat(Db.tableExists(db, "side")).isFalse();
		assertThat(Db.column(db, "select column_name from information_schema.columns where table_name = 't'"))
			.containsExactly("id");
		assertThat(Db.history(db)).containsExactly("1|SQL|true");
	}

	@Test
	void retryAfterLockTimeoutSucceedsOnceTheBlockerIsGone(TestDatabase db) throws Exception {
		AtomicInteger retries = new AtomicInteger();
		try (Connection blocker = lockTable(db)) {
			CompletableFuture<Void> release = CompletableFuture.runAsync(() -> {
				try {
					Thread.sleep(500);
					blocker.rollback();
				}
				catch (Exception ex) {
					throw new IllegalStateException(ex);
				}
			});

			MigrateResult result = Db
				.strata(db,
						(builder) -> builder.locations(this.files.location())
							.lockTimeout(Duration.ofMillis(200))
							.lockRetries(6)
							.retryBackoff(Duration.ofMillis(200))
							.listener(countRetries(retries)))
				.migrate();

			release.get(10, TimeUnit.SECONDS);
			assertThat(result.applied()).extracting(MigrateResult.AppliedReport::version).containsExactly("2");
		}
		assertThat(retries.get()).isPositive();
		assertThat(Db.history(db)).containsExactly("1|SQL|true", "2|SQL|true");
		assertThat(Db.tableExists(db, "side")).isTrue();
	}

	@Test
	void lockTimeoutDirectiveOverridesTheConfiguredOne(TestDatabase db) throws Exception {
		this.files.write("V2__alter_t.sql", "-- strata:lock-timeout=100ms\nalter table t add column c int;\n");
		try (Connection blocker = lockTable(db)) {
			// Configured: wait 30 s per attempt; the file says 100 ms, so it fails well
			// within the test timeout.
			MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
					() -> Db
						.strata(db,
								(builder) -> builder.locations(this.files.location())
									.lockTimeout(Duration.ofSeconds(30))
									.lockRetries(0))
						.migrate());

			assertThat(ex.sqlState()).isEqualTo("55P03");
			blocker.rollback();
		}
	}

	@Test
	void statementTimeoutCancelsALongStatement(TestDatabase db) {
		this.files.write("V2__alter_t.sql", "select pg_sleep(2);\n");

		MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
				() -> Db
					.strata(db,
							(builder) -> builder.locations(this.files.location())
								.statementTimeout(Duration.ofMillis(300)))
					.migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.MIGRATION_FAILED);
		assertThat(ex.sqlState()).isEqualTo("57014");
		assertThat(ex.getMessage()).contains("statement timeout").contains("strata:statement-timeout");
		assertThat(Db.history(db)).containsExactly("1|SQL|true");
	}

	@Test
	void statementTimeoutDirectiveOverridesTheConfiguredOne(TestDatabase db) {
		this.files.write("V2__alter_t.sql", "-- strata:statement-timeout=10s\nselect pg_sleep(0.5);\n");

		MigrateResult result = Db
			.strata(db, (builder) -> builder.locations(this.files.location()).statementTimeout(Duration.ofMillis(100)))
			.migrate();

		assertThat(result.applied()).hasSize(1);
	}

	@Test
	void timeoutsDoNotLeakIntoTheSessionAfterANonTransactionalMigration(TestDatabase db) {
		this.files.write("V2__alter_t.sql", "-- strata:statement-timeout=10s\n-- strata:no-transaction\nselect 1;\n")
			.write("V3__check.sql",
					"do $$ begin\n" + "  if current_setting('statement_timeout') <> '1min' then\n"
							+ "    raise exception 'statement_timeout is %', current_setting('statement_timeout');\n"
							+ "  end if;\nend $$;");

		MigrateResult result = Db
			.strata(db, (builder) -> builder.locations(this.files.location()).statementTimeout(Duration.ofMinutes(1)))
			.migrate();

		assertThat(result.applied()).hasSize(2);
	}

	private static Connection lockTable(TestDatabase db) throws Exception {
		Connection blocker = db.connect();
		blocker.setAutoCommit(false);
		try (Statement statement = blocker.createStatement()) {
			statement.execute("lock table t in access exclusive mode");
		}
		return blocker;
	}

	private static MigrationListener countRetries(AtomicInteger retries) {
		return new MigrationListener() {

			@Override
			public void retrying(MigrationTarget target, PreparedMigration migration, int attempt, Duration backoff) {
				retries.incrementAndGet();
			}

		};
	}

}
