package dev.strata.autoconfigure.migrator;

import java.util.List;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.fleet.Fleet;
import dev.strata.fleet.FleetResult;
import dev.strata.fleet.TenantResult;
import dev.strata.fleet.TenantState;

/**
 * The migrator's {@code migrate}, {@code validate} and {@code status} over every tenant
 * ({@code strata.tenants.*}). The report lists every tenant; the exit code is the worst
 * tenant's: 5 if any failed, then 4 if any was refused, 6 if any was skipped because
 * another run held its lock; {@code validate} exits 3 if any is pending or invalid.
 */
final class FleetCommands {

	private static final int LISTED = 20;

	private final Fleet fleet;

	FleetCommands(Fleet fleet) {
		this.fleet = fleet;
	}

	/**
	 * Runs the command over the fleet.
	 * @return whether the command is one a fleet runs; the others run on the default
	 * target
	 */
	boolean run(MigratorCommand command, MigratorReport.Builder report) {
		switch (command) {
			case MIGRATE -> {
				FleetResult result = this.fleet.migrate();
				report.fleet(result);
				failIfAny(result, TenantState.FAILED, ErrorCategory.MIGRATION_FAILED, "failed");
				failIfAny(result, TenantState.REFUSED, ErrorCategory.REFUSED, "were refused");
				failIfAny(result, TenantState.SKIPPED, ErrorCategory.LOCK_TIMEOUT,
						"were skipped (another run held their lock)");
			}
			case VALIDATE -> {
				FleetResult result = this.fleet.validate("Run the migrator with command 'migrate'.");
				report.fleet(result);
				failIfAny(result, TenantState.FAILED, ErrorCategory.VALIDATION, "are invalid");
				failIfAny(result, TenantState.PENDING, ErrorCategory.VALIDATION,
						"have pending migrations: run the migrator with command 'migrate'");
				failIfAny(result, TenantState.REFUSED, ErrorCategory.CONFIGURATION, "were refused");
			}
			case STATUS -> report.fleet(this.fleet.status());
			default -> {
				return false;
			}
		}
		return true;
	}

	private static void failIfAny(FleetResult result, TenantState state, ErrorCategory category, String what) {
		List<TenantResult> tenants = result.in(state);
		if (tenants.isEmpty()) {
			return;
		}
		List<String> names = tenants.stream().limit(LISTED).map(TenantResult::name).toList();
		throw new StrataException(category,
				tenants.size() + " of " + result.tenants().size() + " tenants " + what + ": " + String.join(", ", names)
						+ ((tenants.size() > LISTED) ? ", ..." : "") + " (see the tenants listed). " + result.summary()
						+ ". A rerun picks up where each tenant is.");
	}

}
