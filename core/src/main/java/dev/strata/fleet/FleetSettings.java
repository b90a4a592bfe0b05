package dev.strata.fleet;

/**
 * How a fleet runs.
 *
 * @param parallelism how many tenants are worked on at once (each uses up to two
 * connections while it migrates: its own and the lock's)
 * @param failFast whether a failed tenant stops the run from starting more (the others
 * are reported {@link TenantState#SKIPPED})
 * @param createSchemas whether a tenant schema that does not exist is created (otherwise
 * the tenant is {@link TenantState#REFUSED})
 * @param shard which of the tenants this run takes
 */
public record FleetSettings(int parallelism, boolean failFast, boolean createSchemas, Shard shard) {

	/** Four at once, go on after a failure, create missing schemas, every tenant. */
	public static final FleetSettings DEFAULTS = new FleetSettings(4, false, true, Shard.ALL);

	public FleetSettings {
		if (parallelism < 1) {
			throw new IllegalArgumentException("parallelism must be at least 1, was " + parallelism);
		}
		java.util.Objects.requireNonNull(shard, "shard must not be null");
	}

	public FleetSettings withParallelism(int parallelism) {
		return new FleetSettings(parallelism, this.failFast, this.createSchemas, this.shard);
	}

	public FleetSettings withFailFast(boolean failFast) {
		return new FleetSettings(this.parallelism, failFast, this.createSchemas, this.shard);
	}

	public FleetSettings withCreateSchemas(boolean createSchemas) {
		return new FleetSettings(this.parallelism, this.failFast, createSchemas, this.shard);
	}

	public FleetSettings withShard(Shard shard) {
		return new FleetSettings(this.parallelism, this.failFast, this.createSchemas, shard);
	}

}
