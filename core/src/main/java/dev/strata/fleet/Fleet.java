package dev.strata.fleet;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import dev.strata.Strata;
import dev.strata.fleet.internal.FleetRun;
import dev.strata.guard.RecognitionCache;
import dev.strata.targets.MigrationTarget;
import org.jspecify.annotations.Nullable;

/**
 * The same migrations over many targets: a schema (or a database) per tenant. Each
 * command runs on every tenant of {@link FleetSettings#shard()} and returns every
 * tenant's result; one tenant's failure does not stop the others (unless
 * {@link FleetSettings#failFast()}).
 *
 * <pre>
 * Fleet fleet = new Fleet(TenantTargets.schemas(dataSource, List.of("acme", "globex"), "strata_schema_history"),
 * 		TenantConfigs.of((ds) -&gt; StrataConfig.builder(ds).locations("classpath:db/tenant")),
 * 		FleetSettings.DEFAULTS);
 * FleetResult result = fleet.migrate();
 * </pre>
 */
public final class Fleet {

	private final TenantTargets tenants;

	private final TenantConfigs configs;

	private final FleetSettings settings;

	private final RecognitionCache cache = new RecognitionCache();

	private volatile @Nullable FleetResult lastRun;

	private final List<Consumer<FleetResult>> runListeners = new CopyOnWriteArrayList<>();

	public Fleet(TenantTargets tenants, TenantConfigs configs, FleetSettings settings) {
		this.tenants = tenants;
		this.configs = configs;
		this.settings = settings;
	}

	public FleetSettings settings() {
		return this.settings;
	}

	/**
	 * Applies the pending migrations of every tenant, each under its own lock. Every
	 * tenant with work is checked before any is migrated.
	 * @throws FleetRefusedException if a migration file is bad, or the guard refuses a
	 * migration whatever the tenant: no tenant changed
	 */
	public FleetResult migrate() {
		FleetResult result = run().migrate();
		this.lastRun = result;
		this.runListeners.forEach((listener) -> listener.accept(result));
		return result;
	}

	/**
	 * Calls the listener with each later {@link #migrate()}'s result (the metrics time
	 * the whole run with it).
	 */
	public void onMigrated(Consumer<FleetResult> listener) {
		this.runListeners.add(listener);
	}

	/**
	 * The result of this fleet's latest {@link #migrate()} in this process, if any: what
	 * failed, was refused or was skipped there, which a later {@link #status()} cannot
	 * tell (a failed migration rolled back looks pending).
	 */
	public Optional<FleetResult> lastRun() {
		return Optional.ofNullable(this.lastRun);
	}

	/**
	 * One tenant of this fleet's shard, configured as its runs configure it, for its full
	 * status and drift.
	 * @param name the tenant's name
	 */
	public Optional<Strata> tenant(String name) {
		return tenants().stream()
			.filter((tenant) -> tenant.name().equals(name))
			.findFirst()
			.map((tenant) -> new Strata(this.configs.configFor(tenant, this.cache)));
	}

	/**
	 * Whether each tenant's history agrees with the files and nothing is pending; pending
	 * tenants are {@link TenantState#PENDING}, invalid ones {@link TenantState#FAILED}.
	 * @param remedy what to do about pending migrations, for each pending tenant's
	 * message
	 */
	public FleetResult validate(String remedy) {
		return run().validate(remedy);
	}

	/** Each tenant's state, read without taking any lock. */
	public FleetResult status() {
		return run().status();
	}

	/** The tenants of this run: those of the shard. */
	public List<MigrationTarget> tenants() {
		return this.tenants.targets()
			.stream()
			.filter((tenant) -> this.settings.shard().selects(tenant.name()))
			.toList();
	}

	/**
	 * What the guard read, shared by every tenant of every run of this fleet.
	 */
	public RecognitionCache recognitionCache() {
		return this.cache;
	}

	private FleetRun run() {
		return new FleetRun(tenants(), this.configs, this.settings, this.cache);
	}

}
