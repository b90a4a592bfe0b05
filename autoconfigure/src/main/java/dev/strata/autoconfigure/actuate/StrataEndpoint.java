package dev.strata.autoconfigure.actuate;

import dev.strata.StatusResult;
import dev.strata.plan.MigrationStatus;
import dev.strata.source.Version;
import dev.strata.status.StatusMonitor;
import dev.strata.status.StatusSnapshot;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/migrations}: applied and pending migrations, problems, the lock, from a cache
 * that reads the database at most once per {@code strata.drift.check-interval}. Reads never take
 * the migration lock.
 */
@Endpoint(id = "migrations")
public class StrataEndpoint {

	private final StatusMonitor monitor;

	public StrataEndpoint(StatusMonitor monitor) {
		this.monitor = monitor;
	}

	@ReadOperation
	public MigrationsDescriptor migrations() {
		return MigrationsDescriptor.of(this.monitor.current());
	}

	/** One migration by version ({@code /actuator/migrations/3}), with its statements. */
	@ReadOperation
	public @Nullable MigrationDescriptor migration(@Selector String version) {
		StatusSnapshot snapshot = this.monitor.current();
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
				return MigrationDescriptor.of(migration);
			}
		}
		return null;
	}

}
