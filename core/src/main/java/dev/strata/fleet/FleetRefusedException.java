package dev.strata.fleet;

import dev.strata.error.StrataException;

/**
 * The whole fleet was refused before any tenant changed: a migration file is bad, or the
 * guard refused a migration whatever the tenant. Its category is that of the first
 * refusal found.
 */
public class FleetRefusedException extends StrataException {

	private final String tenant;

	public FleetRefusedException(String tenant, StrataException cause) {
		super(cause.category(),
				"No tenant was migrated: checking tenant " + tenant + " found a problem with the migrations"
						+ " themselves, which every tenant would meet. " + cause.getMessage(),
				cause);
		this.tenant = tenant;
	}

	/** The tenant whose check found the problem. */
	public String tenant() {
		return this.tenant;
	}

}
