package dev.strata.fleet;

import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a run over a fleet found or did: every tenant of this run (of this shard), in the
 * order the tenants were given.
 *
 * @param tenants each tenant's result
 * @param duration the whole run
 */
public record FleetResult(List<TenantResult> tenants, Duration duration) {

	public FleetResult {
		tenants = List.copyOf(tenants);
	}

	/** How many tenants are in {@code state}. */
	public int count(TenantState state) {
		return (int) this.tenants.stream().filter((tenant) -> tenant.state() == state).count();
	}

	/** The number of tenants in each state, every state present. */
	public Map<TenantState, Integer> counts() {
		Map<TenantState, Integer> counts = new EnumMap<>(TenantState.class);
		for (TenantState state : TenantState.values()) {
			counts.put(state, count(state));
		}
		return counts;
	}

	/** The tenants in {@code state}, in order. */
	public List<TenantResult> in(TenantState state) {
		return this.tenants.stream().filter((tenant) -> tenant.state() == state).toList();
	}

	/** The tenants that failed, were refused or skipped, in order. */
	public List<TenantResult> problems() {
		return this.tenants.stream().filter((tenant) -> tenant.state().isProblem()).toList();
	}

	/** A line such as {@code 48 tenants: 3 applied, 44 up to date, 1 failed}. */
	public String summary() {
		StringBuilder summary = new StringBuilder().append(this.tenants.size())
			.append((this.tenants.size() == 1) ? " tenant" : " tenants");
		String separator = ": ";
		for (Map.Entry<TenantState, Integer> count : counts().entrySet()) {
			if (count.getValue() > 0) {
				summary.append(separator)
					.append(count.getValue())
					.append(' ')
					.append(count.getKey().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
				separator = ", ";
			}
		}
		return summary.append(" in ").append(this.duration.toMillis()).append(" ms").toString();
	}

}
