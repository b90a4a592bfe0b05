package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import dev.strata.error.ErrorCategory;
import dev.strata.execute.MigrationFailedException;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@StrataPostgres(databasePerTest = true)
class LostConnectionTest {

	@Test
	@Timeout(60)
	void terminatedMigrationBackendFailsClearlyAndFreesTheLock(TestDatabase db, @TempDir Path dir) throws Exception {
		MigrationDir files = new MigrationDir(dir).write("V1__t.sql", "create table t (id int);")
			.write("V2__slow.sql", "create table slow (id int);\nselect pg_sleep(30);\n");
		CompletableFuture<MigrateResult> migrate = CompletableFuture
			.supplyAsync(() -> Db.strata(db, files.location()).migrate());

		int pid = waitForBackendRunning(db, "select pg_sleep(30)", migrate);
		db.execute("select pg_terminate_backend(" + pid + ")");

		ExecutionException outcome = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
				() -> migrate.get(20, TimeUnit.SECONDS));
		assertThat(outcome.getCause()).isInstanceOf(MigrationFailedException.class);
		MigrationFailedException ex = (MigrationFailedException) outcome.getCause();
		assertThat(ex.category()).isEqualTo(ErrorCategory.MIGRATION_FAILED);
		assertThat(ex.sqlState()).isEqualTo("57P01");
		assertThat(ex.line()).isEqualTo(2);
		assertThat(ex.getMessage()).contains("V2__slow.sql:2").contains("terminating connection");

		assertThat(Db.history(db)).containsExactly("1|SQL|true");
		assertThat(Db.tableExists(db, "slow")).isFalse();
		assertThat(lockIsFree(db)).isTrue();

		files.write("V2__slow.sql", "create table slow (id int);\n");
		assertThat(Db.strata(db, files.location()).migrate().applied()).extracting(MigrateResult.AppliedReport::version)
			.containsExactly("2");
	}

	@Test
	@Timeout(60)
	void terminatedNonTransactionalMigrationFailsClearlyAndLeavesAnHonestRow(TestDatabase db, @TempDir Path dir)
			throws Exception {
		MigrationDir files = new MigrationDir(dir).write("V1__slow.sql",
				"-- strata:no-transaction\ncreate table first (id int);\nselect pg_sleep(31);\n");
		CompletableFuture<MigrateResult> migrate = CompletableFuture
			.supplyAsync(() -> Db.strata(db, files.location()).migrate());

		int pid = waitForBackendRunning(db, "select pg_sleep(31)", migrate);
		db.execute("select pg_terminate_backend(" + pid + ")");

		ExecutionException outcome = org.assertj.core.api.Assertions.catchThrowableOfType(ExecutionException.class,
				() -> migrate.get(20, TimeUnit.SECONDS));
		assertThat(outcome.getCause()).isInstanceOf(MigrationFailedException.class);
		MigrationFailedException ex = (MigrationFailedException) outcome.getCause();
		assertThat(ex.rolledBack()).isFalse();
		assertThat(ex.line()).isEqualTo(3);
		assertThat(ex.getMessage()).contains("1 of 2 statements are applied");
		assertThat(Db.column(db,
				"select success || '|' || statements_run || '/' || statements_total" + " from strata_schema_history"))
			.containsExactly("false|1/2");
		assertThat(Db.tableExists(db, "first")).isTrue();
	}

	private static int waitForBackendRunning(TestDatabase db, String query, CompletableFuture<?> migrate)
			throws Exception {
		for (int i = 0; i < 400; i++) {
			if (migrate.isDone()) {
				migrate.get();
				throw new AssertionError("migrate finished before it ran " + query);
			}
			List<String> pids = Db.column(db, "select pid from pg_stat_activity where datname = current_database()"
					+ " and state = 'active' and query = '" + query + "'");
			if (!pids.isEmpty()) {
				return Integer.parseInt(pids.get(0));
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no backend ran " + query);
	}

	private static boolean lockIsFree(TestDatabase db) throws Exception {
		try (Connection connection = db.connect();
				PreparedStatement lock = connection.prepareStatement("select pg_try_advisory_lock(?)")) {
			lock.setLong(1, MigrationLock.keyFor("public", "strata_schema_history"));
			try (ResultSet rs = lock.executeQuery()) {
				rs.next();
				return rs.getBoolean(1);
			}
		}
	}

}
