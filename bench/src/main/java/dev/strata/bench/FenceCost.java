package dev.strata.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.strata.execute.ExecutionSettings;
import dev.strata.execute.internal.LockFence;
import dev.strata.execute.internal.MigrationExecutor;
import dev.strata.execute.MigrationListener;
import dev.strata.execute.internal.MigrationLock;
import dev.strata.migration.internal.TransactionCheck;
import dev.strata.history.internal.SchemaHistory;
import dev.strata.migration.internal.MigrationPreparer;
import dev.strata.migration.PreparedMigration;
import dev.strata.source.Location;
import dev.strata.migration.sql.SqlMigrationResolver;
import dev.strata.targets.MigrationTarget;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;

/**
 * What the migration lock's fence costs: the executor applies the corpus on a fresh
 * database with no fence and with an advisory lock's fence, alternating which goes first,
 * round after round; the paired difference per round is the fence's cost. A whole-tool
 * benchmark cannot see a cost this small through the server's drift between rounds.
 *
 * <pre>java -cp bench/target/strata-bench.jar dev.strata.bench.FenceCost [N] [rounds]</pre>
 */
public final class FenceCost {

	private FenceCost() {
	}

	public static void main(String[] args) throws Exception {
		int n = (args.length > 0) ? Integer.parseInt(args[0]) : 400;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 12;
		Path dir = Corpus.write(Files.createTempDirectory("strata-fence-cost"), n);
		List<PreparedMigration> prepared = new MigrationPreparer().prepare(
				new SqlMigrationResolver(List.of(Location.parse("filesystem:" + dir)), FenceCost.class.getClassLoader())
					.resolve());
		PostgresServer server = PostgresServer.shared();
		List<Long> differences = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			long[] millis = new long[2];
			for (int step = 0; step < 2; step++) {
				boolean fenced = (round % 2 == 0) == (step == 1);
				millis[fenced ? 1 : 0] = apply(server, prepared, fenced);
			}
			System.out.printf("fence-cost N=%d round %2d  no fence %6d ms  fenced %6d ms%n", n, round, millis[0],
					millis[1]);
			if (round > 0) {
				differences.add(millis[1] - millis[0]);
			}
		}
		Collections.sort(differences);
		long median = differences.get(differences.size() / 2);
		System.out.printf("fence-cost N=%d median paired difference %d ms over %d rounds = %.3f ms per migration%n", n,
				median, differences.size(), median / (double) n);
	}

	private static long apply(PostgresServer server, List<PreparedMigration> prepared, boolean fenced)
			throws Exception {
		try (TestDatabase database = server.createDatabase(); Connection connection = database.connect()) {
			SchemaHistory history = new SchemaHistory(connection, "public", SchemaHistory.DEFAULT_TABLE);
			history.create();
			try (MigrationLock lock = fenced ? MigrationLock.acquire(database.dataSource(), "public",
					SchemaHistory.DEFAULT_TABLE, Duration.ofSeconds(10)) : null) {
				MigrationExecutor executor = new MigrationExecutor(
						new MigrationTarget(MigrationTarget.DEFAULT_NAME, database.dataSource(), "public",
								SchemaHistory.DEFAULT_TABLE, List.of()),
						connection, history, ExecutionSettings.DEFAULTS, new MigrationListener() {
						}, TransactionCheck.NONE, (lock != null) ? lock : LockFence.NONE);
				long start = System.nanoTime();
				for (PreparedMigration migration : prepared) {
					executor.apply(migration);
				}
				return (System.nanoTime() - start) / 1_000_000;
			}
		}
	}

}
