package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import dev.strata.error.ErrorCategory;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real kills of a migrator running a file of several {@code CREATE INDEX CONCURRENTLY}: a
 * child JVM ({@link MigrateMain}) is SIGKILLed, or its migration backend terminated, at a
 * random moment while one of the builds runs; the next migrate must then succeed by
 * itself, every index valid and the history row successful. Each trial's outcome (which
 * statement was in flight, what the catalog held) is counted and printed, so a run shows
 * which paths it went through.
 */
@StrataPostgres(databasePerTest = true)
class InterruptedMigrationKillTest {

	private static final int KILL_TRIALS = 8;

	private static final int TERMINATE_TRIALS = 4;

	private static final List<String> INDEXES = List.of("items_a", "items_b", "items_c");

	@TempDir
	Path dir;

	MigrationDir files;

	@BeforeEach
	void files(TestDatabase db) {
		// big enough that each build takes a good part of a second
		this.files = new MigrationDir(this.dir).write("V1__items.sql",
				"""
						create table items (a int, b int, c int);
						insert into items select g, (g::bigint * 7919) % 1000003, (g::bigint * 104729) % 1000033 from generate_series(1, 600000) g;
						""");
		Db.strata(db, this.files.location()).migrate();
		this.files.write("V2__index_items.sql", """
				create index concurrently items_a on items (a);
				create index concurrently items_b on items (b);
				create index concurrently items_c on items (c);
				""");
	}

	@Test
	@Timeout(150)
	void killedMigratorResumesByItself(TestDatabase db) throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		Map<String, Integer> outcomes = new TreeMap<>();
		for (int trial = 0; trial < KILL_TRIALS; trial++) {
			reset(db);
			Process migrator = startMigrator(db, trial);
			boolean building = waitForBuild(db, migrator);
			String outcome;
			if (!building) {
				outcome = "finished before the kill";
			}
			else {
				Thread.sleep(random.nextInt(1500));
				migrator.destroyForcibly();
				assertThat(migrator.waitFor(20, TimeUnit.SECONDS)).isTrue();
				outcome = observe(db);
			}
			outcomes.merge(outcome, 1, Integer::sum);
			resumeAndCheck(db);
		}
		report("SIGKILL", seed, outcomes);
	}

	@Test
	@Timeout(120)
	void terminatedBackendResumesByItself(TestDatabase db) throws Exception {
		long seed = System.nanoTime();
		Random random = new Random(seed);
		Map<String, Integer> outcomes = new TreeMap<>();
		for (int trial = 0; trial < TERMINATE_TRIALS; trial++) {
			reset(db);
			Process migrator = startMigrator(db, trial);
			boolean building = waitForBuild(db, migrator);
			String outcome;
			if (!building) {
				outcome = "finished before the kill";
			}
			else {
				Thread.sleep(random.nextInt(1500));
				db.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = current_database()"
						+ " and pid <> pg_backend_pid() and query like 'create index concurrently%'");
				assertThat(migrator.waitFor(30, TimeUnit.SECONDS)).isTrue();
				String output = Files.readString(log(trial).toPath());
				if (migrator.exitValue() == 0) {
					outcome = "finished before the kill";
				}
				else {
					assertThat(migrator.exitValue()).as(output)
						.isEqualTo(MigrateMain.exitCode(ErrorCategory.MIGRATION_FAILED));
					assertThat(output).contains("category MIGRATION_FAILED")
						.contains("was in flight when the connection was lost")
						.contains("resumes the migration by itself");
					outcome = observe(db);
				}
			}
			outcomes.merge(outcome, 1, Integer::sum);
			resumeAndCheck(db);
		}
		report("pg_terminate_backend", seed, outcomes);
	}

	/**
	 * A build blocked behind an old snapshot when its migrator is SIGKILLed: the server
	 * notices the dead client ({@code client_connection_check_interval}) and cancels it,
	 * leaving the index INVALID.
	 */
	@Test
	@Timeout(60)
	void killedWhileTheBuildWaitsLeavesAnInvalidIndexThatIsBuiltAgain(TestDatabase db) throws Exception {
		Process migrator;
		try (Connection reader = db.connect()) {
			reader.setAutoCommit(false);
			reader.createStatement().execute("set transaction isolation level repeatable read");
			reader.createStatement().execute("select count(*) from items");
			migrator = startMigrator(db, 0);
			for (int i = 0; i < 1500 && Db
				.column(db,
						"select 1 from pg_stat_activity where state = 'active'"
								+ " and query like 'create index concurrently%' and wait_event = 'virtualxid'")
				.isEmpty(); i++) {
				Thread.sleep(20);
			}
			migrator.destroyForcibly();
			assertThat(migrator.waitFor(20, TimeUnit.SECONDS)).isTrue();
			assertThat(observe(db)).isEqualTo("statement 1 in flight, index INVALID");
			reader.rollback();
		}

		resumeAndCheck(db);
		System.out.println(
				"Interrupted by SIGKILL while the build waited: statement 1 in flight, index INVALID," + " resumed");
	}

	private void reset(TestDatabase db) {
		for (String index : INDEXES) {
			db.execute("drop index if exists " + index);
		}
		db.execute("delete from strata_schema_history where version = '2'");
	}

	private Process startMigrator(TestDatabase db, int trial) {
		return MigratorProcess.start(db, this.files.location(), log(trial).toPath()).process();
	}

	private File log(int trial) {
		return this.dir.resolveSibling(this.dir.getFileName() + "-migrator-" + trial + ".log").toFile();
	}

	/**
	 * Waits until the migrator builds one of the indexes; {@code false} if it finished
	 * first.
	 */
	private static boolean waitForBuild(TestDatabase db, Process migrator) throws Exception {
		for (int i = 0; i < 1500; i++) {
			if (!activeBuilds(db).isEmpty()) {
				return true;
			}
			if (!migrator.isAlive()) {
				return false;
			}
			Thread.sleep(20);
		}
		throw new AssertionError("the migrator never started building an index");
	}

	private static List<String> activeBuilds(TestDatabase db) {
		return Db.column(db, "select pid from pg_stat_activity where datname = current_database()"
				+ " and pid <> pg_backend_pid() and state = 'active' and query like 'create index concurrently%'");
	}

	/**
	 * What the next migrate will find: the statement in flight and its index, once the
	 * killed migrator's build has stopped (the server cancels it within seconds of
	 * noticing the client gone).
	 */
	private static String observe(TestDatabase db) throws Exception {
		for (int i = 0; i < 300 && !activeBuilds(db).isEmpty(); i++) {
			Thread.sleep(50);
		}
		List<String> row = Db.column(db, "select success || '|' || statements_run || '|'"
				+ " || coalesce(statement_in_flight::text, '-') from strata_schema_history where version = '2'");
		if (row.isEmpty()) {
			return "killed before the history row was written";
		}
		String[] parts = row.get(0).split("\\|");
		if (parts[0].equals("true")) {
			return "completed before the kill took effect";
		}
		assertThat(parts[2]).as("a killed run leaves a statement in flight, never a failed one").isNotEqualTo("-");
		String index = INDEXES.get(Integer.parseInt(parts[2]) - 1);
		List<String> valid = Db.column(db,
				"select indisvalid from pg_index where indexrelid = to_regclass('" + index + "')");
		String state = valid.isEmpty() ? "absent" : valid.get(0).equals("t") ? "valid" : "INVALID";
		return "statement " + parts[2] + " in flight, index " + state;
	}

	private void resumeAndCheck(TestDatabase db) {
		MigrateResult result = Db.strata(db, this.files.location()).migrate();
		assertThat(result.currentVersion()).isEqualTo("2");
		for (String index : INDEXES) {
			assertThat(Db.column(db, "select indisvalid from pg_index where indexrelid = to_regclass('" + index + "')"))
				.as(index)
				.containsExactly("t");
		}
		assertThat(Db.count(db, "select count(*) from pg_index where indrelid = 'items'::regclass")).isEqualTo(3);
		assertThat(Db.column(db, "select success || '|' || statements_run || '/' || statements_total || '|'"
				+ " || coalesce(statement_in_flight::text, '-') from strata_schema_history where version = '2'"))
			.containsExactly("true|3/3|-");
	}

	private static void report(String how, long seed, Map<String, Integer> outcomes) {
		StringBuilder text = new StringBuilder("Interrupted by " + how + " (seed " + seed + "), every trial resumed:");
		outcomes.forEach((outcome, count) -> text.append("\n  ").append(count).append(" x ").append(outcome));
		System.out.println(text);
	}

}
