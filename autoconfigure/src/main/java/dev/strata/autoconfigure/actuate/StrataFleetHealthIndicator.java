package dev.strata.autoconfigure.actuate;

import java.util.List;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.fleet.FleetView;
import dev.strata.fleet.TenantResult;
import dev.strata.fleet.internal.FleetMonitor;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Health of a fleet: {@code DOWN} when the tenants cannot be read, or when more than
 * {@code strata.tenants.health.max-failed-share} of them need attention (failed, refused
 * or skipped; by default any one does), counting what this process's last run left
 * failed. The details name those tenants, the first {@value #LISTED} of them. Served from
 * the fleet monitor's cache.
 */
public class StrataFleetHealthIndicator extends AbstractHealthIndicator {

	/** How many tenants needing attention the details name: the count says the rest. */
	static final int LISTED = 20;

	private final FleetMonitor monitor;

	private final double maxFailedShare;

	/**
	 * @param maxFailedShare the share of tenants (0 to 1) that may need attention while
	 * the fleet is still {@code UP}
	 */
	public StrataFleetHealthIndicator(FleetMonitor monitor, double maxFailedShare) {
		super("Fleet health check failed");
		if (!(maxFailedShare >= 0 && maxFailedShare <= 1)) {
			throw new StrataException(ErrorCategory.CONFIGURATION, "strata.tenants.health.max-failed-share is "
					+ maxFailedShare + ": it is a share from 0 to 1 (0.1 for 10 %)");
		}
		this.monitor = monitor;
		this.maxFailedShare = maxFailedShare;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		FleetView view = this.monitor.current();
		builder.withDetail("takenAt", view.takenAt()).withDetail("tenants", view.tenantCount());
		if (view.error() != null) {
			builder.down().withDetail("error", view.error());
			return;
		}
		builder.withDetail("counts", view.counts());
		List<TenantResult> problems = view.problems();
		builder.withDetail("failed", problems.size());
		if (!problems.isEmpty()) {
			builder.withDetail("failedTenants",
					problems.stream().limit(LISTED).map((tenant) -> tenant.name() + " " + tenant.state()).toList());
		}
		builder.withDetail("drifted", view.drifted().size());
		boolean down = !problems.isEmpty() && view.problemShare() > this.maxFailedShare;
		if (down) {
			builder.down();
		}
		else {
			builder.up();
		}
	}

}
