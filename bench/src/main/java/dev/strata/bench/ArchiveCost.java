package dev.strata.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.archive.ArchiveEntry;
import dev.strata.archive.ArchiveSettings;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;

/**
 * What archive before destroy costs (issue 16): an allowed
 * {@code ALTER TABLE … DROP COLUMN} on a table of N rows, applied by {@code migrate} with
 * the archive on (the key and the column copied first) and off (the plain drop),
 * alternating which goes first, round after round, each on a fresh database. Only the
 * {@code migrate} that applies the drop is timed; the table is built by an earlier one.
 *
 * <pre>java -cp bench/target/strata-bench.jar dev.strata.bench.ArchiveCost [rows] [rounds]</pre>
 */
public final class ArchiveCost {

	private static final String CREATE = """
			create table big (id bigint primary key, customer text not null, note text, amount numeric(10,2));
			insert into big select i, 'customer ' || (i % 1000), 'note number ' || i, i % 10000 / 100.0
			  from generate_series(1, %d) i;
			""";

	private static final String DROP = """
			-- strata:allow drop-column reason="benchmark"
			alter table big drop column note;
			""";

	private ArchiveCost() {
	}

	public static void main(String[] args) throws Exception {
		int rows = (args.length > 0) ? Integer.parseInt(args[0]) : 1_000_000;
		int rounds = (args.length > 1) ? Integer.parseInt(args[1]) : 5;
		Path created = Files.createTempDirectory("strata-archive-cost-v1");
		Path dropped = Files.createTempDirectory("strata-archive-cost-v2");
		for (Path dir : List.of(created, dropped)) {
			Files.writeString(dir.resolve("V1__big.sql"), CREATE.replace("%d", Integer.toString(rows)),
					StandardCharsets.UTF_8);
		}
		Files.writeString(dropped.resolve("V2__drop_note.sql"), DROP, StandardCharsets.UTF_8);
		PostgresServer server = PostgresServer.shared();
		List<Long> plain = new ArrayList<>();
		List<Long> archived = new ArrayList<>();
		List<Long> differences = new ArrayList<>();
		for (int round = 0; round < rounds; round++) {
			long[] millis = new long[2];
			for (int step = 0; step < 2; step++) {
				boolean archive = (round % 2 == 0) == (step == 1);
				millis[archive ? 1 : 0] = dropColumn(server, created, dropped, archive);
			}
			System.out.printf("archive-cost rows=%d round %d  plain drop %6d ms  archived drop %6d ms%n", rows, round,
					millis[0], millis[1]);
			plain.add(millis[0]);
			archived.add(millis[1]);
			differences.add(millis[1] - millis[0]);
		}
		System.out.printf(
				"archive-cost rows=%d medians over %d rounds: plain %d ms (%d-%d), archived %d ms (%d-%d),"
						+ " paired difference %d ms (%d-%d)%n",
				rows, rounds, median(plain), min(plain), max(plain), median(archived), min(archived), max(archived),
				median(differences), min(differences), max(differences));
	}

	private static long dropColumn(PostgresServer server, Path created, Path dropped, boolean archive)
			throws Exception {
		try (TestDatabase database = server.createDatabase()) {
			strata(database, created, archive).migrate();
			database.execute("vacuum analyze big");
			Strata strata = strata(database, dropped, archive);
			long start = System.nanoTime();
			strata.migrate();
			long millis = Duration.ofNanos(System.nanoTime() - start).toMillis();
			if (archive) {
				ArchiveEntry entry = strata.archives().get(0);
				System.out.printf("archive-cost   archive %s: %d rows, %d bytes%n", entry.archiveTable(), entry.rows(),
						entry.bytes());
			}
			return millis;
		}
	}

	private static Strata strata(TestDatabase database, Path location, boolean archive) {
		ArchiveSettings settings = new ArchiveSettings(archive, ArchiveSettings.DEFAULTS.schema(),
				ArchiveSettings.DEFAULTS.maxRows(), ArchiveSettings.DEFAULTS.retention());
		return new Strata(StrataConfig.builder(database.dataSource())
			.locations("filesystem:" + location)
			.archive(settings)
			.build());
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private static long min(List<Long> values) {
		return Collections.min(values);
	}

	private static long max(List<Long> values) {
		return Collections.max(values);
	}

}
