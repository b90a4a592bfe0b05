package dev.strata.autoconfigure;

import java.util.List;

import dev.strata.autoconfigure.StrataProperties.OnStartup;
import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.fleet.Fleet;
import dev.strata.fleet.FleetResult;
import dev.strata.fleet.TenantResult;
import dev.strata.fleet.TenantState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code strata.on-startup} over the tenants. {@code migrate} logs every failed, refused
 * or skipped tenant and lets the application start: the other tenants are served, and the
 * failed ones are retried by the next run (a refused fleet, a bad file, still stops the
 * start-up). {@code validate} stops it if any tenant is pending or invalid.
 */
final class FleetStartup {

	private static final Logger logger = LoggerFactory.getLogger(FleetStartup.class);

	private final Fleet fleet;

	FleetStartup(Fleet fleet) {
		this.fleet = fleet;
	}

	void run(OnStartup onStartup, String pendingRemedy) {
		switch (onStartup) {
			case MIGRATE -> report(this.fleet.migrate());
			case VALIDATE -> {
				FleetResult result = this.fleet.validate(pendingRemedy);
				List<TenantResult> notValid = result.tenants()
					.stream()
					.filter((tenant) -> tenant.state() != TenantState.UP_TO_DATE)
					.toList();
				if (!notValid.isEmpty()) {
					throw new StrataException(ErrorCategory.VALIDATION,
							notValid.size() + " of " + result.tenants().size() + " tenants are not up to date: "
									+ String.join("; ",
											notValid.stream().limit(10).map(FleetStartup::describe).toList())
									+ ((notValid.size() > 10) ? "; ..." : ""));
				}
			}
			case NONE -> {
			}
		}
	}

	private static void report(FleetResult result) {
		if (result.problems().isEmpty()) {
			logger.info("Tenants migrated: {}", result.summary());
			return;
		}
		logger.error("Tenants migrated with problems: {}", result.summary());
		for (TenantResult tenant : result.problems()) {
			logger.error("  {}", describe(tenant));
		}
	}

	private static String describe(TenantResult tenant) {
		return tenant.name() + " " + tenant.state() + ((tenant.error() != null) ? ": " + tenant.error() : "");
	}

}
