package dev.strata.bench;

import java.nio.file.Path;

import javax.sql.DataSource;

/**
 * One migration run in a fresh JVM, timed from the outside by the harness:
 * {@code java -cp <classpath> dev.strata.bench.ColdRun <contestant> <url> <user> <password>
 *
<dir>
 * }. Prints one line,
 * {@code BENCH-COLD contestant=… applied=… innerMs=… heapPeakBytes=… heapLiveBytes=…},
 * and exits 0; any failure exits 1 with the stack trace.
 */
public final class ColdRun {

	private ColdRun() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length != 5) {
			System.err
				.println("usage: ColdRun <strata|flyway|liquibase|jdbc> <jdbc-url> <user> <password> <corpus-dir>");
			System.exit(2);
		}
		long started = System.nanoTime();
		Bench.quietTools();
		Contestant contestant = Contestant.named(args[0]);
		DataSource dataSource = Bench.dataSource(args[1], args[2], args[3]);
		int applied = contestant.migrate(dataSource, Path.of(args[4]));
		long innerNanos = System.nanoTime() - started;
		long peak = Bench.heapPeakBytes();
		long live = Bench.heapLiveBytes();
		System.out.println("BENCH-COLD contestant=" + contestant.name() + " applied=" + applied + " innerMs="
				+ innerNanos / 1_000_000 + " heapPeakBytes=" + peak + " heapLiveBytes=" + live);
		System.out.flush();
		System.exit(0);
	}

}
