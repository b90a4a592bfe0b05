package dev.strata.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.sql.DataSource;

import dev.strata.AcceptDriftResult;
import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.drift.DriftReport;
import dev.strata.drift.DriftState;
import dev.strata.status.MigrationProgress;
import dev.strata.status.internal.StatusMonitor;
import dev.strata.test.CountingDataSource;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;

/**
 * Scenario 5: a schema of T tables (2,000 in a full run) with constraints, indexes, views
 * and plpgsql functions; {@code pg_dump --schema-only} of it as the reference, when a
 * pg_dump of the server's major version is found; next to it Strata's regular drift check
 * (the live catalog hashed on the server and compared with the stored snapshot) and a
 * whole new snapshot.
 */
final class DriftScenario {

	private final PostgresServer server;

	private final Options options;

	private final Results results;

	DriftScenario(PostgresServer server, Options options, Results results) {
		this.server = server;
		this.options = options;
		this.results = results;
	}

	void run(Path workDir) throws Exception {
		int tables = this.options.driftTables();
		String size = "tables=" + tables;
		try (TestDatabase database = this.server.createDatabase()) {
			long started = System.nanoTime();
			build(database, tables);
			System.out.printf("drift      schema of %d tables built in %.1f s%n", tables,
					(System.nanoTime() - started) / 1e9);
			Optional<Path> pgDump = findPgDump(this.server.majorVersion());
			if (pgDump.isEmpty()) {
				this.results.note("Drift: no pg_dump of PostgreSQL " + this.server.majorVersion()
						+ " was found (the embedded binaries ship only initdb, pg_ctl and postgres; an older "
						+ "client refuses a newer server), so the pg_dump reference was not measured.");
			}
			else {
				this.results.note("Drift: the reference is " + pgDump.get() + " ("
						+ ChildJvm.run(List.of(pgDump.get().toString(), "--version"), Map.of(), null, 30).tail().strip()
						+ "), run with --schema-only into a file.");
			}
			CountingDataSource counting = new CountingDataSource(database.dataSource());
			Strata strata = strataOn(counting, workDir);
			strata.baseline();
			StatusMonitor monitor = new StatusMonitor(strata, new MigrationProgress(), Duration.ofMinutes(5));
			monitor.current();
			int rounds = this.options.warmup() + this.options.trials();
			for (int round = 0; round < rounds; round++) {
				boolean measured = round >= this.options.warmup();
				long check = timeCheck(strata);
				long snapshot = timeSnapshot(strata);
				if (measured) {
					this.results.series("drift", size, "strata-check", "ms").add(check / 1e6);
					this.results.series("drift", size, "strata-snapshot", "ms").add(snapshot / 1e6);
				}
				System.out.printf("drift      %s round %2d strata check %9.1f ms, snapshot %9.1f ms%n", size, round + 1,
						check / 1e6, snapshot / 1e6);
				double perRead = timeCachedStatus(monitor, counting);
				if (measured) {
					this.results.series("drift", size, "status-cache-read", "µs").add(perRead);
				}
				if (pgDump.isPresent()) {
					Path out = workDir.resolve("schema-dump.sql");
					long nanos = pgDump(pgDump.get(), database, out);
					long created = countCreateTable(out);
					if (created != tables) {
						throw new Bench.VerificationException(
								"drift: pg_dump wrote " + created + " CREATE TABLE, expected " + tables);
					}
					if (measured) {
						this.results.series("drift", size, "pg_dump", "ms").add(nanos / 1e6);
					}
					System.out.printf("drift      %s round %2d pg_dump %9.1f ms%n", size, round + 1, nanos / 1e6);
				}
			}
		}
	}

	/**
	 * T tables; every table an index and a foreign key, every 10th a view and a function.
	 */
	static void build(TestDatabase database, int tables) throws Exception {
		try (Connection connection = database.connect(); Statement statement = connection.createStatement()) {
			for (int from = 1; from <= tables; from += 100) {
				StringBuilder sql = new StringBuilder();
				for (int i = from; i < from + 100 && i <= tables; i++) {
					String t = "dt_" + i;
					sql.append("CREATE TABLE ")
						.append(t)
						.append(" (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, ")
						.append("code varchar(40) NOT NULL UNIQUE, amount numeric(12,2) NOT NULL DEFAULT 0 CHECK (amount >= 0), ")
						.append("created_at timestamptz NOT NULL DEFAULT now()")
						.append(i > 1 ? ", parent_id bigint REFERENCES dt_" + (i - 1) + " (id)" : "")
						.append(");\n");
					sql.append("CREATE INDEX ")
						.append(t)
						.append("_created_idx ON ")
						.append(t)
						.append(" (created_at);\n");
					if (i % 10 == 0) {
						sql.append("CREATE VIEW ")
							.append(t)
							.append("_v AS SELECT id, code FROM ")
							.append(t)
							.append(" WHERE amount > 0;\n");
						sql.append("CREATE FUNCTION ")
							.append(t)
							.append("_total() RETURNS numeric LANGUAGE plpgsql AS $$ ")
							.append("BEGIN RETURN (SELECT sum(amount) FROM ")
							.append(t)
							.append("); END $$;\n");
					}
				}
				statement.execute(sql.toString());
			}
		}
	}

	private static long pgDump(Path pgDump, TestDatabase database, Path out) throws IOException {
		Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*").matcher(database.jdbcUrl());
		if (!url.matches()) {
			throw new IllegalStateException("Cannot read host and port from " + database.jdbcUrl());
		}
		List<String> command = List.of(pgDump.toString(), "--schema-only", "--no-password", "-h", url.group(1), "-p",
				url.group(2), "-U", database.username(), "-f", out.toString(), url.group(3));
		ChildJvm.Outcome outcome = ChildJvm.run(command, Map.of("PGPASSWORD", database.password()), null, 600);
		if (outcome.exitCode() != 0) {
			throw new Bench.VerificationException("pg_dump failed: " + outcome.tail());
		}
		return outcome.nanos();
	}

	private static long countCreateTable(Path dump) throws IOException {
		try (Stream<String> lines = Files.lines(dump, StandardCharsets.UTF_8)) {
			// Strata's history and snapshot tables are in the dump too: count the
			// schema's own tables.
			return lines.filter((line) -> line.startsWith("CREATE TABLE ") && line.contains(".dt_")).count();
		}
	}

	/**
	 * A pg_dump whose major version matches the server: on the PATH, in the Debian
	 * layout, or next to the embedded binaries that strata-test-postgres extracts under
	 * the temp directory.
	 */
	static Optional<Path> findPgDump(int serverMajor) {
		List<Path> candidates = new ArrayList<>();
		for (String dir : System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator)) {
			candidates.add(Path.of(dir, "pg_dump"));
		}
		candidates.add(Path.of("/usr/lib/postgresql/" + serverMajor + "/bin/pg_dump"));
		Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
		try (Stream<Path> roots = Files.list(tmp)) {
			for (Path root : roots.filter((p) -> p.getFileName().toString().startsWith("strata-pg")).toList()) {
				try (Stream<Path> installs = Files.list(root)) {
					installs.map((p) -> p.resolve("bin/pg_dump")).forEach(candidates::add);
				}
			}
		}
		catch (IOException ex) {
			// no extracted binaries
		}
		for (Path candidate : candidates) {
			if (Files.isExecutable(candidate) && majorOf(candidate) == serverMajor) {
				return Optional.of(candidate);
			}
		}
		return Optional.empty();
	}

	private static int majorOf(Path pgDump) {
		ChildJvm.Outcome outcome = ChildJvm.run(List.of(pgDump.toString(), "--version"), Map.of(), null, 30);
		Matcher version = Pattern.compile("\\(PostgreSQL\\) (\\d+)").matcher(outcome.tail());
		return (outcome.exitCode() == 0 && version.find()) ? Integer.parseInt(version.group(1)) : -1;
	}

	/**
	 * What the endpoint, health and gauges pay per read once the status is cached:
	 * 100,000 reads, which must open no connection at all.
	 * @return microseconds per read
	 */
	private static double timeCachedStatus(StatusMonitor monitor, CountingDataSource counting) {
		int reads = 100_000;
		int before = counting.connections();
		long started = System.nanoTime();
		for (int i = 0; i < reads; i++) {
			if (monitor.current() == null) {
				throw new IllegalStateException("no status");
			}
		}
		long nanos = System.nanoTime() - started;
		if (counting.connections() != before) {
			throw new Bench.VerificationException(
					"status cache: " + (counting.connections() - before) + " connections opened by cached reads");
		}
		return nanos / 1e3 / reads;
	}

	/**
	 * Strata on the built schema, adopted by a baseline (which stores the first
	 * snapshot).
	 */
	private static Strata strataOn(DataSource dataSource, Path workDir) throws IOException {
		Path empty = Files.createDirectories(workDir.resolve("drift-no-migrations"));
		return new Strata(
				StrataConfig.builder(dataSource).locations("filesystem:" + empty).baselineVersion("1").build());
	}

	/**
	 * The regular check: live catalog hashed on the server, compared with the stored
	 * snapshot.
	 */
	private static long timeCheck(Strata strata) {
		long started = System.nanoTime();
		DriftReport report = strata.drift();
		long nanos = System.nanoTime() - started;
		if (report.state() != DriftState.NO_DRIFT) {
			throw new Bench.VerificationException("drift: expected no drift on an unchanged schema, got "
					+ report.state() + ": " + report.describe());
		}
		return nanos;
	}

	/**
	 * Taking and storing a whole snapshot (accept-drift: a check, then a new snapshot).
	 */
	private static long timeSnapshot(Strata strata) {
		long started = System.nanoTime();
		AcceptDriftResult accepted = strata.acceptDrift();
		long nanos = System.nanoTime() - started;
		if (accepted.snapshot() == null) {
			throw new Bench.VerificationException("drift: accept-drift stored no snapshot");
		}
		return nanos;
	}

}
