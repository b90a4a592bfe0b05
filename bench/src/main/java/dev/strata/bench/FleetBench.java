package dev.strata.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.strata.StrataConfig;
import dev.strata.fleet.Fleet;
import dev.strata.fleet.FleetResult;
import dev.strata.fleet.FleetSettings;
import dev.strata.fleet.TenantConfigs;
import dev.strata.fleet.TenantTargets;
import dev.strata.test.PostgresServer;
import dev.strata.test.TestDatabase;
import org.flywaydb.core.Flyway;

/**
 * A fleet of tenant schemas (issue 14): T schemas × M migrations, applied by Strata's
 * fleet run, by a loop of one Flyway per schema and by a plain-JDBC floor, each with the
 * same parallelism P over one connection pool of the same size; then the no-op restart of
 * the whole fleet, against a floor of one plain query per tenant at the same parallelism
 * on the same fleet's history tables, restart and floor alternating in pairs. A restart
 * is a new application: the no-op and its floor each get a new pool, so new server
 * sessions that have not read the tenants' tables yet, opened before the clock starts. A
 * harness of its own, printed as Markdown:
 *
 * <pre>
 * ./mvnw -o -q -pl bench -am package -DskipTests
 * java -cp bench/target/strata-bench.jar dev.strata.bench.FleetBench [tenants] [migrations] [parallelism] [trials]
 * </pre>
 *
 * Each trial gives every contestant a fresh database. The apply goes a tenth of the
 * tenants at a time, the contestants taking turns (each slice a run of its own), so that
 * the machine's load, which moves over the minutes of a trial, falls on all of them
 * alike; ratios are taken trial by trial.
 */
public final class FleetBench {

	private FleetBench() {
	}

	public static void main(String[] args) throws Exception {
		Bench.quietTools();
		int tenants = (args.length > 0) ? Integer.parseInt(args[0]) : 1000;
		int migrations = (args.length > 1) ? Integer.parseInt(args[1]) : 20;
		int parallelism = (args.length > 2) ? Integer.parseInt(args[2]) : 4;
		int trials = (args.length > 3) ? Integer.parseInt(args[3]) : 2;
		Path corpus = corpus(Path.of("bench/target/bench-work/fleet-" + migrations), migrations);
		List<String> schemas = IntStream.rangeClosed(1, tenants)
			.mapToObj((i) -> String.format(Locale.ROOT, "tenant_%04d", i))
			.toList();
		PostgresServer server = PostgresServer.shared();
		List<FleetContestant> contestants = List.of(new StrataFleet(), new FlywayLoop(), new JdbcFloor());
		Map<String, List<Double>> apply = new LinkedHashMap<>();
		Map<String, List<Double>> noop = new LinkedHashMap<>();
		Map<String, List<Double>> noopRatio = new LinkedHashMap<>();
		for (int trial = 0; trial <= trials; trial++) {
			String label = (trial == 0) ? "warm-up" : "trial " + trial;
			List<FleetContestant> order = new ArrayList<>(contestants);
			Collections.rotate(order, -trial);
			Map<FleetContestant, TestDatabase> databases = new LinkedHashMap<>();
			Map<FleetContestant, HikariDataSource> pools = new LinkedHashMap<>();
			try {
				for (FleetContestant contestant : order) {
					TestDatabase database = server.createDatabase();
					databases.put(contestant, database);
					pools.put(contestant, pool(database.dataSource(), parallelism));
				}
				Map<FleetContestant, Double> applied = apply(order, pools, corpus, schemas, parallelism);
				for (FleetContestant contestant : order) {
					DataSource dataSource = databases.get(contestant).dataSource();
					pools.remove(contestant).close();
					verify(dataSource, contestant, schemas, migrations);
					Restarts restarts = restarts(dataSource, contestant, corpus, schemas, parallelism, migrations);
					System.out.printf(Locale.ROOT,
							"%s %s: apply %.0f ms, no-op restarts %s ms, one query per tenant %s ms%n", label,
							contestant.name(), applied.get(contestant), millis(restarts.noops()),
							millis(restarts.floors()));
					if (trial > 0) {
						apply.computeIfAbsent(contestant.name(), (name) -> new ArrayList<>())
							.add(applied.get(contestant));
						noop.computeIfAbsent(contestant.name(), (name) -> new ArrayList<>())
							.add(Bench.median(restarts.noops()));
						noopRatio.computeIfAbsent(contestant.name(), (name) -> new ArrayList<>()).add(restarts.ratio());
					}
				}
			}
			finally {
				pools.values().forEach(HikariDataSource::close);
				for (TestDatabase database : databases.values()) {
					database.close();
				}
			}
		}
		if (trials < 1) {
			// Only the warm-up ran: its lines above are the whole result.
			return;
		}
		System.out.println();
		System.out.printf(Locale.ROOT, "%d tenant schemas × %d migrations, parallelism %d, %d trials%n%n", tenants,
				migrations, parallelism, trials);
		System.out.println(
				"| contestant | apply | × Flyway loop | × JDBC floor | no-op restart | × one query per tenant (same fleet) |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		for (String name : apply.keySet()) {
			System.out.printf(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |%n", name, summary(apply.get(name)),
					ratio(apply.get(name), apply.get("flyway-loop")), ratio(apply.get(name), apply.get("jdbc-floor")),
					summary(noop.get(name)), spread(noopRatio.get(name)));
		}
	}

	/** M migrations, each a table and an index, with unqualified names. */
	static Path corpus(Path dir, int migrations) throws Exception {
		Files.createDirectories(dir);
		for (int i = 1; i <= migrations; i++) {
			Files.writeString(dir.resolve(String.format(Locale.ROOT, "V%03d__table_%d.sql", i, i)), String.format(
					Locale.ROOT,
					"create table item_%d (id bigint primary key, tenant_ref bigint not null, name text not null,"
							+ " created_at timestamptz not null default now());%n"
							+ "create index item_%d_tenant_ref on item_%d (tenant_ref);%n",
					i, i, i));
		}
		return dir;
	}

	/**
	 * One migrate of the whole fleet on {@code pool}, which it closes, checked
	 * afterwards.
	 * @return its time in milliseconds
	 */
	private static double migrate(HikariDataSource pool, FleetContestant contestant, Path corpus, List<String> schemas,
			int parallelism, int migrations) throws Exception {
		try (pool) {
			long start = System.nanoTime();
			contestant.migrate(pool, corpus, schemas, parallelism);
			double millis = Bench.millis(start);
			verify(pool, contestant, schemas, migrations);
			return millis;
		}
	}

	/**
	 * The pool of a restarted application: new server sessions, whose caches know none of
	 * the tenants' tables yet, all of them open before the clock starts (an application's
	 * pool opens its connections as it starts, before its migrations run).
	 */
	private static HikariDataSource restartedPool(DataSource dataSource, int parallelism) throws SQLException {
		HikariDataSource pool = pool(dataSource, parallelism);
		List<Connection> open = new ArrayList<>();
		try {
			for (int i = 0; i < pool.getMaximumPoolSize(); i++) {
				open.add(pool.getConnection());
			}
		}
		catch (SQLException ex) {
			pool.close();
			throw ex;
		}
		finally {
			for (Connection connection : open) {
				connection.close();
			}
		}
		return pool;
	}

	private static HikariDataSource pool(DataSource dataSource, int parallelism) {
		HikariConfig config = new HikariConfig();
		config.setDataSource(dataSource);
		// Strata holds two connections per tenant run (the migrations' and the lock's)
		config.setMaximumPoolSize(2 * parallelism + 2);
		config.setMinimumIdle(0);
		return new HikariDataSource(config);
	}

	/**
	 * Every tenant has every migration's table and a history table of the tool: counted
	 * in the catalog, the same for every tool.
	 */
	private static void verify(DataSource dataSource, FleetContestant contestant, List<String> schemas, int migrations)
			throws SQLException {
		try (Connection connection = dataSource.getConnection();
				PreparedStatement statement = connection
					.prepareStatement("select n.nspname," + " count(*) filter (where c.relname like 'item\\_%'),"
							+ " count(*) filter (where c.relname = ?) from pg_class c join pg_namespace n"
							+ " on n.oid = c.relnamespace where c.relkind = 'r' and n.nspname like 'tenant\\_%'"
							+ " group by n.nspname")) {
			statement.setString(1, contestant.historyTable());
			int complete = 0;
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					if (rs.getInt(2) != migrations || rs.getInt(3) != 1) {
						throw new IllegalStateException(contestant.name() + ": " + rs.getString(1) + " has "
								+ rs.getInt(2) + " tables of " + migrations + " and " + rs.getInt(3) + " history");
					}
					complete++;
				}
			}
			if (complete != schemas.size()) {
				throw new IllegalStateException(
						contestant.name() + ": " + complete + " complete tenants, not " + schemas.size());
			}
		}
	}

	/** Into how many slices of tenants a trial's apply is cut. */
	private static final int SLICES = 10;

	/**
	 * Applies the fleet of each contestant, in its own database, slice by slice: every
	 * contestant migrates its next tenth of the tenants before any starts the one after,
	 * in a rotating order, so that the machine's load over the minutes a trial lasts
	 * falls on all alike. Each contestant's time is the sum of its slices.
	 */
	private static Map<FleetContestant, Double> apply(List<FleetContestant> order,
			Map<FleetContestant, HikariDataSource> pools, Path corpus, List<String> schemas, int parallelism)
			throws Exception {
		Map<FleetContestant, Double> applied = new LinkedHashMap<>();
		int slices = Math.min(SLICES, schemas.size());
		for (int slice = 0; slice < slices; slice++) {
			List<String> part = schemas.subList(slice * schemas.size() / slices, (slice + 1) * schemas.size() / slices);
			for (int k = 0; k < order.size(); k++) {
				FleetContestant contestant = order.get((k + slice) % order.size());
				long start = System.nanoTime();
				contestant.migrate(pools.get(contestant), corpus, part, parallelism);
				applied.merge(contestant, Bench.millis(start), Double::sum);
			}
		}
		return applied;
	}

	/** How many times a trial restarts each fleet, alternating with the floor. */
	private static final int RESTARTS = 3;

	/**
	 * Restarts the fleet {@link #RESTARTS} times, each time next to its floor: one plain
	 * query per tenant, at the same parallelism, on the same history tables, each on a
	 * pool of its own. The two alternate which goes first, so that what the server does
	 * meanwhile (autovacuum of the catalogs the apply grew) falls on both alike.
	 */
	private static Restarts restarts(DataSource dataSource, FleetContestant contestant, Path corpus,
			List<String> schemas, int parallelism, int migrations) throws Exception {
		List<Double> noops = new ArrayList<>();
		List<Double> floors = new ArrayList<>();
		for (int k = 0; k < RESTARTS; k++) {
			if (k % 2 == 1) {
				floors.add(queryPerTenant(dataSource, contestant, schemas, parallelism));
			}
			noops.add(migrate(restartedPool(dataSource, parallelism), contestant, corpus, schemas, parallelism,
					migrations));
			if (k % 2 == 0) {
				floors.add(queryPerTenant(dataSource, contestant, schemas, parallelism));
			}
		}
		return new Restarts(noops, floors);
	}

	/**
	 * A trial's no-op restarts and the floor measured next to each.
	 *
	 * @param noops the restarts' times
	 * @param floors the floor's times, pair by pair
	 */
	record Restarts(List<Double> noops, List<Double> floors) {

		/** The median of the pairs' ratios. */
		double ratio() {
			List<Double> ratios = new ArrayList<>();
			for (int i = 0; i < this.noops.size(); i++) {
				ratios.add(this.noops.get(i) / this.floors.get(i));
			}
			return Bench.median(ratios);
		}

	}

	/**
	 * The floor of a no-op: one plain query per tenant of the contestant's own history
	 * table, at the same parallelism, on a restarted pool.
	 */
	private static double queryPerTenant(DataSource dataSource, FleetContestant contestant, List<String> schemas,
			int parallelism) throws Exception {
		try (HikariDataSource pool = restartedPool(dataSource, parallelism)) {
			long start = System.nanoTime();
			forEachTenant(schemas, parallelism, (schema) -> {
				try (Connection connection = pool.getConnection();
						Statement statement = connection.createStatement();
						ResultSet rs = statement
							.executeQuery("select max(version) from \"" + schema + "\"." + contestant.historyTable())) {
					rs.next();
				}
			});
			return Bench.millis(start);
		}
	}

	static void forEachTenant(List<String> schemas, int parallelism, TenantWork work) throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(parallelism);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (String schema : schemas) {
				futures.add(executor.submit(() -> {
					work.run(schema);
					return null;
				}));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}
	}

	private static String summary(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return String.format(Locale.ROOT, "%,.0f ms (%,.0f – %,.0f)", Bench.median(values), sorted.get(0),
				sorted.get(sorted.size() - 1));
	}

	private static String ratio(List<Double> values, List<Double> reference) {
		if (reference == null || reference.isEmpty()) {
			return "–";
		}
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < values.size(); i++) {
			ratios.add(values.get(i) / reference.get(i));
		}
		List<Double> sorted = new ArrayList<>(ratios);
		Collections.sort(sorted);
		return String.format(Locale.ROOT, "%.2f× (%.2f–%.2f)", Bench.median(ratios), sorted.get(0),
				sorted.get(sorted.size() - 1));
	}

	private static String millis(List<Double> values) {
		return String.join(", ", values.stream().map((value) -> String.format(Locale.ROOT, "%.0f", value)).toList());
	}

	private static String spread(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return String.format(Locale.ROOT, "%.2f× (%.2f–%.2f)", Bench.median(values), sorted.get(0),
				sorted.get(sorted.size() - 1));
	}

	/** One tenant's work. */
	@FunctionalInterface
	interface TenantWork {

		void run(String schema) throws Exception;

	}

	/** A way to migrate every tenant schema. */
	interface FleetContestant {

		String name();

		/** The history table each tenant schema gets. */
		String historyTable();

		void migrate(DataSource dataSource, Path corpus, List<String> schemas, int parallelism) throws Exception;

	}

	/** Strata's fleet run over the tenant schemas, every other setting at its default. */
	static final class StrataFleet implements FleetContestant {

		@Override
		public String name() {
			return "strata-fleet";
		}

		@Override
		public String historyTable() {
			return "strata_schema_history";
		}

		@Override
		public void migrate(DataSource dataSource, Path corpus, List<String> schemas, int parallelism) {
			Fleet fleet = new Fleet(TenantTargets.schemas(dataSource, schemas, historyTable()), TenantConfigs
				.of((tenantDataSource) -> StrataConfig.builder(tenantDataSource).locations("filesystem:" + corpus)),
					FleetSettings.DEFAULTS.withParallelism(parallelism));
			FleetResult result = fleet.migrate();
			if (!result.problems().isEmpty()) {
				throw new IllegalStateException("The fleet run had problems: " + result.summary());
			}
		}

	}

	/**
	 * The loop teams write today: one Flyway per schema ({@code schemas(tenant)}, so its
	 * history and unqualified names land there), P at a time.
	 */
	static final class FlywayLoop implements FleetContestant {

		@Override
		public String name() {
			return "flyway-loop";
		}

		@Override
		public String historyTable() {
			return "flyway_schema_history";
		}

		@Override
		public void migrate(DataSource dataSource, Path corpus, List<String> schemas, int parallelism)
				throws Exception {
			forEachTenant(schemas, parallelism,
					(schema) -> Flyway.configure()
						.dataSource(dataSource)
						.schemas(schema)
						.locations("filesystem:" + corpus)
						.load()
						.migrate());
		}

	}

	/**
	 * The floor: per tenant, create the schema and a history table if missing, read which
	 * versions are applied, then run each pending file and record it in one transaction.
	 * No lock, no checksum, no validation, no guard.
	 */
	static final class JdbcFloor implements FleetContestant {

		static final String HISTORY = "jdbc_history";

		@Override
		public String name() {
			return "jdbc-floor";
		}

		@Override
		public String historyTable() {
			return HISTORY;
		}

		@Override
		public void migrate(DataSource dataSource, Path corpus, List<String> schemas, int parallelism)
				throws Exception {
			List<Path> files;
			try (var listing = Files.list(corpus)) {
				files = listing.sorted().toList();
			}
			List<String> scripts = new ArrayList<>();
			for (Path file : files) {
				scripts.add(Files.readString(file));
			}
			forEachTenant(schemas, parallelism, (schema) -> {
				try (Connection connection = dataSource.getConnection()) {
					connection.setAutoCommit(true);
					try (Statement statement = connection.createStatement()) {
						statement.execute("create schema if not exists \"" + schema + "\"");
						statement.execute("create table if not exists \"" + schema + "\"." + HISTORY
								+ " (version int primary key, success boolean not null)");
						int applied;
						try (ResultSet rs = statement
							.executeQuery("select coalesce(max(version), 0) from \"" + schema + "\"." + HISTORY)) {
							rs.next();
							applied = rs.getInt(1);
						}
						if (applied == scripts.size()) {
							return;
						}
						statement.execute("set search_path to \"" + schema + "\"");
						connection.setAutoCommit(false);
						for (int i = applied; i < scripts.size(); i++) {
							statement.execute(scripts.get(i));
							statement.execute("insert into " + HISTORY + " values (" + (i + 1) + ", true)");
							connection.commit();
						}
						connection.setAutoCommit(true);
						statement.execute("reset search_path");
					}
				}
			});
		}

	}

}
