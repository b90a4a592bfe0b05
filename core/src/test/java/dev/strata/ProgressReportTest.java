package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.strata.execute.LockActivity;
import dev.strata.execute.LockHolder;
import dev.strata.execute.LockMode;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A long migration says what it does while it runs: a line every
 * {@code strata.progress-interval} with the file, the statement's line, the time so far
 * and the phase PostgreSQL reports, the slow statements at the end, and, to anyone who
 * looks at the lock's holder (a waiting replica, the endpoint), what the holder applies.
 * Each migrator is a process of its own, its log read as an operator reads it.
 */
@StrataPostgres(databasePerTest = true)
class ProgressReportTest {

	private static final Pattern SLOW = Pattern.compile("slow statement (.+) line (\\d+): (\\d+) ms(.*)");

	/**
	 * A statement's line and its time so far, or, when a look falls just after the
	 * statements finished (the history row, the commit), that none is in flight.
	 */
	private static final String RUNNING_OR_BETWEEN = "( line \\d+, running for \\d+\\.\\d s|, between statements)";

	@TempDir
	Path dir;

	@Test
	@Timeout(90)
	void aLongStatementInABatchLogsItsLineAtEachIntervalAndIsListedAsSlow(TestDatabase db) throws Exception {
		// The sleep sits in the middle of one batch of statements: the report still names
		// its line, read from what the server runs.
		MigrationDir files = new MigrationDir(this.dir.resolve("migrations")).write("V1__sleep.sql",
				"create table before_sleep (id int);\n\ndo $$ begin perform pg_sleep(1.5); end $$;\n"
						+ "create table after_sleep (id int);\n");
		MigratorProcess migrator = MigratorProcess.start(db.jdbcUrl(), db, files.location(),
				this.dir.resolve("migrate.log"), Map.of("STRATA_PROGRESS_INTERVAL_MS", "300"));
		assertThat(migrator.exitCode(60)).as(migrator.log()).isZero();

		List<String> progress = progressLines(migrator.log());
		assertThat(progress).as(migrator.log()).hasSizeBetween(3, 8);
		assertThat(progress).allSatisfy((line) -> assertThat(line)
			.matches(".*Still applying V1 \\(sleep\\) after \\d+\\.\\d s: V1__sleep\\.sql" + RUNNING_OR_BETWEEN));
		assertThat(progress).anySatisfy((line) -> assertThat(line).contains("V1__sleep.sql line 3, running for "));
		Matcher slow = SLOW.matcher(migrator.log());
		assertThat(slow.find()).as(migrator.log()).isTrue();
		assertThat(slow.group(1)).isEqualTo("V1 (sleep)");
		assertThat(slow.group(2)).isEqualTo("3");
		assertThat(Long.parseLong(slow.group(3))).isBetween(1400L, 6000L);
		assertThat(slow.find()).as("only the sleep is slow").isFalse();
		assertThat(migrator.log()).contains("Statements that ran longer than 300 ms: [V1 (sleep) line 3: ");
	}

	@Test
	@Timeout(120)
	void anIndexBuildReportsThePhaseAndTheShareDone(TestDatabase db) throws Exception {
		// Outside the schema Strata migrates, which must look empty to a first migrate.
		db.execute("create schema data; create table data.big as select g as id, md5(g::text) as label"
				+ " from generate_series(1, 600000) g");
		MigrationDir files = new MigrationDir(this.dir.resolve("migrations")).write("V1__index.sql",
				"create index concurrently big_label on data.big (label);");
		MigratorProcess migrator = MigratorProcess.start(db.jdbcUrl(), db, files.location(),
				this.dir.resolve("migrate.log"), Map.of("STRATA_PROGRESS_INTERVAL_MS", "100"));
		assertThat(migrator.exitCode(90)).as(migrator.log()).isZero();

		List<String> progress = progressLines(migrator.log());
		progress.forEach(System.out::println);
		String phase = "CREATE INDEX CONCURRENTLY: [a-z :]+(, (blocks|tuples) \\d+ of \\d+ \\(\\d+%\\))?";
		assertThat(progress).as(migrator.log())
			.isNotEmpty()
			.allSatisfy((line) -> assertThat(line).matches(".*Still applying V1 \\(index\\) after \\d+\\.\\d s:"
					+ " V1__index\\.sql( line 1, running for \\d+\\.\\d s(, " + phase + ")?|, between statements)"));
		// Every look at the backend during the build sees its row in
		// pg_stat_progress_create_index.
		assertThat(progress).anySatisfy((line) -> assertThat(line).matches(".*, " + phase));
		Matcher slow = SLOW.matcher(migrator.log());
		assertThat(slow.find()).as(migrator.log()).isTrue();
		assertThat(slow.group(1)).isEqualTo("V1 (index)");
		assertThat(slow.group(4)).matches(" \\(last phase: CREATE INDEX CONCURRENTLY: [a-z :0-9]+\\)");
	}

	@Test
	@Timeout(120)
	void othersSeeWhatTheHolderAppliesAndAWaitingMigratorSaysIt(TestDatabase db) throws Exception {
		MigrationDir files = new MigrationDir(this.dir.resolve("migrations")).write("V1__long_sleep.sql",
				"create table napping (id int);\nselect pg_sleep(10);");
		Instant before = Instant.now();
		MigratorProcess holding = MigratorProcess.start(db.jdbcUrl(), db, files.location(),
				this.dir.resolve("holding.log"),
				Map.of("STRATA_PROGRESS_INTERVAL_MS", "200", "STRATA_APPLICATION_NAME", "orders"));
		LockHolder holder = holderWithLine(db, files, holding);
		assertThat(holder.applicationName()).startsWith("strata orders (");
		LockActivity activity = holder.activity();
		assertThat(activity.migration()).isEqualTo("V1 (long sleep)");
		assertThat(activity.version()).isEqualTo("1");
		assertThat(activity.line()).isEqualTo(2);
		assertThat(activity.since()).isBetween(before.minusSeconds(1), Instant.now());
		assertThat(activity.phase()).isNull();

		MigratorProcess waiting = MigratorProcess.start(db.jdbcUrl(), db, files.location(),
				this.dir.resolve("waiting.log"), Map.of("STRATA_LOCK_WAIT_SECONDS", "60"));
		assertThat(holding.exitCode(60)).as(holding.log()).isZero();
		assertThat(waiting.exitCode(60)).as(waiting.log()).isZero();
		assertThat(waiting.log()).containsPattern("Waiting for the migration lock on public.strata_schema_history:"
				+ " held by pid " + holder.pid() + " '" + Pattern.quote(holder.applicationName()) + "'.* since \\S+,"
				+ " applying V1 \\(long sleep\\) since " + Pattern.quote(activity.since().toString())
				+ ", statement at line 2 \\(waited \\d+ s of 60 s\\)");
		assertThat(Db.strata(db, files.location()).lockHolder()).isEmpty();
	}

	@Test
	@Timeout(90)
	void withALeaseTheLinesCarryNoPhaseAndNobodyElseSeesTheActivity(TestDatabase db) throws Exception {
		// A lease is for poolers that share server sessions: the lock's connection cannot
		// watch the migration's, so the report says only what the client knows.
		MigrationDir files = new MigrationDir(this.dir.resolve("migrations")).write("V1__sleep.sql",
				"create table napping (id int);\nselect pg_sleep(2);");
		MigratorProcess migrator = MigratorProcess.start(db.jdbcUrl(), db, files.location(),
				this.dir.resolve("migrate.log"), Map.of("STRATA_PROGRESS_INTERVAL_MS", "300"), "LEASE");
		LockHolder holder = null;
		Strata looking = Db.strata(db, files.location());
		while (holder == null && migrator.process().isAlive()) {
			holder = looking.lockHolder().orElse(null);
			Thread.sleep(50);
		}
		assertThat(holder).as(migrator.log()).isNotNull();
		assertThat(holder.mode()).isEqualTo(LockMode.LEASE);
		assertThat(holder.activity()).isNull();
		assertThat(migrator.exitCode(60)).as(migrator.log()).isZero();
		assertThat(progressLines(migrator.log())).as(migrator.log())
			.isNotEmpty()
			.allSatisfy((line) -> assertThat(line)
				.matches(".*Still applying V1 \\(sleep\\) after \\d+\\.\\d s: V1__sleep\\.sql" + RUNNING_OR_BETWEEN))
			.anySatisfy((line) -> assertThat(line).contains("V1__sleep.sql line 2, running for "));
		assertThat(migrator.log()).containsPattern("slow statement V1 \\(sleep\\) line 2: \\d+ ms\\n");
	}

	/**
	 * The holder, once it has published the line of its statement; fails if the holding
	 * migrator ends first.
	 */
	private static LockHolder holderWithLine(TestDatabase db, MigrationDir files, MigratorProcess holding)
			throws Exception {
		Strata looking = Db.strata(db, files.location());
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			assertThat(holding.process().isAlive()).as(holding.log()).isTrue();
			LockHolder holder = looking.lockHolder().orElse(null);
			if (holder != null && holder.activity() != null && holder.activity().line() != null) {
				return holder;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("The holder never said what it applies:\n" + holding.log());
	}

	private static List<String> progressLines(String log) {
		return log.lines().filter((line) -> line.contains("Still applying")).toList();
	}

}
