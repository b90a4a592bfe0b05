package dev.strata.fleet;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.strata.status.DriftCheck;
import org.jspecify.annotations.Nullable;

/**
 * A fleet as the operator's views see it: every tenant's state read without a lock, what
 * the latest run in this process left failed, and each tenant's latest drift check.
 *
 * @param takenAt when the state was read
 * @param status every tenant's state, {@code null} when it could not be read
 * @param error why it could not be read, else {@code null}
 * @param lastRun this process's latest run, {@code null} if it ran none
 * @param drift each checked tenant's latest drift check, by name
 */
public record FleetView(Instant takenAt, @Nullable FleetResult status, @Nullable String error,
		@Nullable FleetResult lastRun, Map<String, DriftCheck> drift) {

	public FleetView {
		drift = Map.copyOf(drift);
	}

	/** How many tenants the fleet has (that this shard serves). */
	public int tenantCount() {
		return (this.status != null) ? this.status.tenants().size() : 0;
	}

	/**
	 * Tenants by state: the state read now, except that a tenant the latest run left
	 * failed, refused or skipped and that is still not up to date counts as the run left
	 * it.
	 */
	public Map<TenantState, Integer> counts() {
		Map<TenantState, Integer> counts = new EnumMap<>(TenantState.class);
		for (TenantState state : TenantState.values()) {
			counts.put(state, 0);
		}
		for (TenantResult tenant : tenants()) {
			counts.merge(tenant.state(), 1, Integer::sum);
		}
		return counts;
	}

	/** Every tenant, as {@link #counts()} counts it, in the fleet's order. */
	public List<TenantResult> tenants() {
		if (this.status == null) {
			return List.of();
		}
		Map<String, TenantResult> leftByRun = new LinkedHashMap<>();
		if (this.lastRun != null) {
			this.lastRun.tenants()
				.stream()
				.filter((tenant) -> tenant.state().isProblem())
				.forEach((tenant) -> leftByRun.put(tenant.name(), tenant));
		}
		List<TenantResult> tenants = new ArrayList<>();
		for (TenantResult now : this.status.tenants()) {
			TenantResult left = leftByRun.get(now.name());
			boolean stillBehind = now.state() == TenantState.PENDING;
			tenants.add((left != null && stillBehind) ? left : now);
		}
		return tenants;
	}

	/** The tenants that need attention: failed, refused or skipped. */
	public List<TenantResult> problems() {
		return tenants().stream().filter((tenant) -> tenant.state().isProblem()).toList();
	}

	/** The tenants with pending migrations and no failure. */
	public List<TenantResult> pending() {
		return tenants().stream().filter((tenant) -> tenant.state() == TenantState.PENDING).toList();
	}

	/** The names of the tenants whose latest drift check found drift. */
	public List<String> drifted() {
		return this.drift.entrySet()
			.stream()
			.filter((entry) -> entry.getValue().drifted())
			.map(Map.Entry::getKey)
			.sorted()
			.toList();
	}

	/** The share of tenants that need attention, 0 for an empty fleet. */
	public double problemShare() {
		int count = tenantCount();
		return (count == 0) ? 0 : (double) problems().size() / count;
	}

}
