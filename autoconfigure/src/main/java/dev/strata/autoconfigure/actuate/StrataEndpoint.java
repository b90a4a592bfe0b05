package dev.strata.autoconfigure.actuate;

import dev.strata.StatusResult;
import dev.strata.plan.MigrationStatus;
import dev.strata.source.Version;
import dev.strata.status.internal.StatusMonitor;
import dev.strata.status.StatusSnapshot;
import org.jspecify.annotations.Nullable;

import org.springframework.aot.hint.annotation.RegisterReflectionForBinding;
import org.springframework.boot.actuate.endpoint.OperationResponseBody;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/migrations}: applied and pending migrations with the guard's findings,
 * problems, the lock and schema drift, from a cache that reads the database at most once
 * per {@code strata.drift.check-interval}. Reads never take the migration lock and never
 * reach the database while the cache is fresh.
 */
@Endpoint(id = "migrations")
public class StrataEndpoint {

	/** The selector that asks for the drift report; no version can be spelled so. */
	static final String DRIFT = "drift";

	private final StatusMonitor monitor;

	public StrataEndpoint(StatusMonitor monitor) {
		this.monitor = monitor;
	}

	@ReadOperation
	public MigrationsDescriptor migrations() {
		return MigrationsDescriptor.of(this.monitor.current());
	}

	/**
	 * The full drift report ({@code /actuator/migrations/drift}), or one migration by
	 * version ({@code /actuator/migrations/3}) with its statements and findings. Both
	 * share the selector position, so the value decides.
	 */
	@ReadOperation
	@RegisterReflectionForBinding({ DriftDescriptor.class, MigrationDescriptor.class })
	public @Nullable OperationResponseBody migration(@Selector String version) {
		StatusSnapshot snapshot = this.monitor.current();
		if (DRIFT.equals(version)) {
			return DriftDescriptor.of(snapshot.drift());
		}
		return migration(snapshot, version);
	}

	private static @Nullable MigrationDescriptor migration(StatusSnapshot snapshot, String version) {
		StatusResult status = snapshot.status();
		if (status == null) {
			return null;
		}
		Version wanted;
		try {
			wanted = Version.parse(version);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
		for (MigrationStatus migration : status.migrations()) {
			if (migration.version() != null && Version.parse(migration.version()).equals(wanted)) {
				return MigrationDescriptor.of(migration, snapshot.review(migration.migration()).orElse(null));
			}
		}
		return null;
	}

}
