package dev.strata.autoconfigure.actuate;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import dev.strata.fleet.Fleet;
import dev.strata.fleet.FleetResult;
import dev.strata.fleet.FleetView;
import dev.strata.fleet.TenantResult;
import dev.strata.fleet.TenantState;
import dev.strata.fleet.internal.FleetMonitor;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

/**
 * Micrometer meters for a fleet, bounded in cardinality whatever its size: tenants by
 * state, tenants by how many migrations they lag behind (a few fixed buckets), and the
 * duration of each whole run. A series per tenant only when
 * {@code strata.tenants.metrics.per-tenant} asks for it. The gauges read the fleet
 * monitor's cache, so a scrape reads the database at most once per check interval.
 */
public class StrataFleetMetrics {

	/** The lag buckets: pending migrations of a tenant, by upper bound. */
	static final List<LagBucket> LAG_BUCKETS = List.of(new LagBucket("0", 0, 0), new LagBucket("1", 1, 1),
			new LagBucket("2-5", 2, 5), new LagBucket("6-20", 6, 20), new LagBucket("21+", 21, Integer.MAX_VALUE));

	private final MeterRegistry registry;

	private final FleetMonitor monitor;

	private final boolean perTenant;

	private final Set<String> tenantGauges = ConcurrentHashMap.newKeySet();

	private volatile @Nullable FleetResult timed;

	private volatile @Nullable TenantPending pendingByName;

	public StrataFleetMetrics(MeterRegistry registry, Fleet fleet, FleetMonitor monitor, boolean perTenant) {
		this.registry = registry;
		this.monitor = monitor;
		this.perTenant = perTenant;
		// Gauges hold their state object weakly: it must be this bean, which lives as
		// long as the context.
		for (TenantState state : TenantState.values()) {
			Gauge.builder("strata.tenants", this, (metrics) -> metrics.count(state))
				.description("Tenants by state, counting what this process's last run left failed; -1 when unknown")
				.tag("state", state.name())
				.register(registry);
		}
		for (LagBucket bucket : LAG_BUCKETS) {
			Gauge.builder("strata.tenants.lag", this, (metrics) -> metrics.lagging(bucket))
				.description("Tenants by how many migrations they have pending; -1 when unknown")
				.tag("pending", bucket.name())
				.register(registry);
		}
		if (perTenant) {
			registerTenants(monitor.current());
		}
		runTimer("success");
		runTimer("problems");
		fleet.lastRun().ifPresent(this::timeRun);
		fleet.onMigrated(this::timeRun);
	}

	private Timer runTimer(String outcome) {
		return Timer.builder("strata.tenants.run")
			.description("Time to migrate the whole fleet (this process's shard)")
			.tag("outcome", outcome)
			.register(this.registry);
	}

	private synchronized void timeRun(FleetResult run) {
		if (run == this.timed) {
			return;
		}
		this.timed = run;
		runTimer(run.problems().isEmpty() ? "success" : "problems").record(run.duration());
	}

	private double count(TenantState state) {
		FleetView view = view();
		return (view != null) ? view.counts().get(state) : -1;
	}

	private double lagging(LagBucket bucket) {
		FleetView view = view();
		if (view == null) {
			return -1;
		}
		return view.tenants().stream().filter((tenant) -> bucket.holds(tenant.pending())).count();
	}

	private @Nullable FleetView view() {
		FleetView view = this.monitor.current();
		if (view.error() != null) {
			return null;
		}
		if (this.perTenant) {
			registerTenants(view);
		}
		return view;
	}

	private void registerTenants(FleetView view) {
		for (TenantResult tenant : view.tenants()) {
			String name = tenant.name();
			if (this.tenantGauges.add(name)) {
				Gauge.builder("strata.tenants.pending", this, (metrics) -> metrics.pending(name))
					.description("A tenant's pending migrations; -1 when unknown")
					.tag("tenant", name)
					.register(this.registry);
			}
		}
	}

	private double pending(String tenant) {
		FleetView view = this.monitor.current();
		TenantPending cached = this.pendingByName;
		if (cached == null || cached.view() != view) {
			Map<String, Integer> byName = new HashMap<>();
			view.tenants().forEach((result) -> byName.put(result.name(), result.pending()));
			cached = new TenantPending(view, byName);
			this.pendingByName = cached;
		}
		Integer pending = cached.byName().get(tenant);
		return (pending != null) ? pending : -1;
	}

	/** Tenants whose pending migrations lie in {@code [min, max]}. */
	record LagBucket(String name, int min, int max) {

		boolean holds(int pending) {
			return pending >= this.min && pending <= this.max;
		}

	}

	/** Each tenant's pending migrations in one view, looked up by name. */
	private record TenantPending(FleetView view, Map<String, Integer> byName) {

	}

}
