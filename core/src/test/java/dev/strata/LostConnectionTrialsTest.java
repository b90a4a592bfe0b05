package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.strata.execute.internal.MigrationLock;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A migrator process whose migration connection is terminated at a random moment of a run
 * of short migrations, some with the effect check: whatever it was doing (a statement,
 * the effect check, writing the history row, the commit, switching autocommit, between
 * migrations), the error names the migration, and the next run completes the work.
 */
class LostConnectionTrialsTest {

	private static final int TRIALS = 12;

	private static final int MIGRATIONS = 30;

	private static final Pattern ERROR = Pattern.compile("(?m)^dev\\.strata\\.[\\w.]*Exception: (.*)$");

	private static final Pattern NAMES_A_MIGRATION = Pattern.compile("V\\d+ \\((slow|checked) \\d+\\)");

	@TempDir
	Path dir;

	@Test
	@Timeout(300)
	void everyLostConnectionNamesTheMigration() throws Exception {
		MigrationDir files = new MigrationDir(this.dir.resolve("migrations"));
		for (int i = 1; i <= MIGRATIONS; i++) {
			// A function call makes the effect check run inside the migration's
			// transaction.
			files.write("V" + i + "__" + ((i % 2 == 0) ? "checked_" : "slow_") + i + ".sql",
					"create table t" + i + " (id int);\ninsert into t" + i
							+ " select g from generate_series(1, 40000) g;\n"
							+ ((i % 2 == 0) ? "select pg_catalog.pg_sleep(0.02);\n" : ""));
		}
		long seed = System.nanoTime();
		Random random = new Random(seed);
		Map<String, Integer> outcomes = new TreeMap<>();
		StringBuilder messages = new StringBuilder();
		for (int trial = 0; trial < TRIALS; trial++) {
			try (TestDatabase db = PostgresServer.shared().createDatabase()) {
				Path log = this.dir.resolve("trial-" + trial + ".log");
				MigratorProcess migrator = MigratorProcess.start(db, files.location(), log);
				String outcome;
				if (!waitForMigrationSession(db, migrator)) {
					outcome = "finished before the termination";
				}
				else {
					Thread.sleep(random.nextInt(400));
					List<String> terminated = Db.column(db, "select pg_terminate_backend(pid) from pg_stat_activity"
							+ " where datname = current_database() and application_name like 'strata%' and pid not in ("
							+ LOCK_SESSION + ")");
					int exit = migrator.exitCode(60);
					String output = migrator.log();
					if (exit == 0) {
						outcome = terminated.isEmpty() ? "finished before the termination"
								: "terminated after the last commit (exit 0)";
					}
					else {
						Matcher error = ERROR.matcher(output);
						assertThat(error.find()).as(output).isTrue();
						String message = error.group(1);
						messages.append("\n  exit ").append(exit).append(": ").append(message);
						assertThat(message).as("trial %d (seed %d):%n%s", trial, seed, output)
							.containsPattern(NAMES_A_MIGRATION)
							.doesNotStartWith("Database error");
						outcome = "exit " + exit + ", "
								+ message.replaceAll("V\\d+ \\((slow|checked) \\d+\\)", "V…").replaceAll("\\d+", "n");
						if (outcome.length() > 110) {
							outcome = outcome.substring(0, 110) + "…";
						}
					}
				}
				outcomes.merge(outcome, 1, Integer::sum);
				MigrateResult rerun = Db.strata(db, files.location()).migrate();
				assertThat(rerun.currentVersion()).isEqualTo(String.valueOf(MIGRATIONS));
				assertThat(Db.column(db, "select count(*) from strata_schema_history where success"))
					.containsExactly(String.valueOf(MIGRATIONS));
			}
		}
		StringBuilder report = new StringBuilder("Migration connection terminated at random (seed " + seed + "):");
		outcomes.forEach((outcome, count) -> report.append("\n  ").append(count).append(" x ").append(outcome));
		System.out.println(report.append("\nMessages:").append(messages));
	}

	private static final String LOCK_SESSION = "select l.pid from pg_locks l where l.locktype = 'advisory'"
			+ " and ((l.classid::bigint << 32) | l.objid::bigint) = "
			+ MigrationLock.keyFor("public", "strata_schema_history");

	/** Waits until the migrator works under the lock; {@code false} if it ended first. */
	private static boolean waitForMigrationSession(TestDatabase db, MigratorProcess migrator) throws Exception {
		for (int i = 0; i < 3000; i++) {
			if (!Db.column(db, LOCK_SESSION).isEmpty()) {
				return true;
			}
			if (!migrator.process().isAlive()) {
				return false;
			}
			Thread.sleep(5);
		}
		throw new AssertionError("the migrator never took the lock:\n" + migrator.log());
	}

}
