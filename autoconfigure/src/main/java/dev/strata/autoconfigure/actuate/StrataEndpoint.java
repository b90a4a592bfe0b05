package dev.strata.autoconfigure.actuate;

import java.time.Duration;

import dev.strata.StatusResult;
import dev.strata.fleet.internal.FleetMonitor;
import dev.strata.plan.MigrationStatus;
import dev.strata.report.FleetViewJson;
import dev.strata.source.Version;
import dev.strata.status.StatusSnapshot;
import dev.strata.report.StatusJson;
import dev.strata.status.internal.StatusMonitor;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/migrations}: applied and pending migrations with the guard's findings,
 * problems, the lock and schema drift, from a cache that reads the database at most once
 * per {@code strata.drift.check-interval}. Reads never take the migration lock and never
 * reach the database while the cache is fresh; only an explicit read of the drift report
 * checks again, when the last check is older than a few seconds.
 *
 * <p>
 * Each operation answers the JSON document that core's {@code StatusJson} writes, the
 * same code that writes these reports for the migrator, so a report has one shape
 * wherever it is printed or served (docs/schemas).
 */
@Endpoint(id = "migrations")
public class StrataEndpoint {

	/** The selector that asks for the drift report; no version can be spelled so. */
	static final String DRIFT = "drift";

	/**
	 * How old the drift check may be when someone asks for the drift report: a person
	 * opening it right after a manual change sees the change, and a refresh storm still
	 * runs one check per few seconds.
	 */
	static final Duration DRIFT_MAX_AGE = Duration.ofSeconds(5);

	/** The selector of the fleet's views; no version can be spelled so. */
	static final String TENANTS = "tenants";

	private final StatusMonitor monitor;

	private final @Nullable FleetMonitor fleet;

	private final Duration driftMaxAge;

	public StrataEndpoint(StatusMonitor monitor) {
		this(monitor, null);
	}

	/**
	 * @param fleet the tenants' monitor when {@code strata.tenants.*} configures a fleet,
	 * else {@code null}
	 */
	public StrataEndpoint(StatusMonitor monitor, @Nullable FleetMonitor fleet) {
		this(monitor, fleet, DRIFT_MAX_AGE);
	}

	StrataEndpoint(StatusMonitor monitor, @Nullable FleetMonitor fleet, Duration driftMaxAge) {
		this.monitor = monitor;
		this.fleet = fleet;
		this.driftMaxAge = driftMaxAge;
	}

	/** The status ({@code docs/schemas/status.schema.json}), from the cache. */
	@ReadOperation
	public String migrations() {
		return StatusJson.status(this.monitor.current());
	}

	/**
	 * The full drift report ({@code /actuator/migrations/drift},
	 * {@code drift.schema.json}), checked again if the last check is older than a few
	 * seconds; or one migration by version ({@code /actuator/migrations/3},
	 * {@code migration.schema.json}) with its statements and findings, from the cache.
	 * With a fleet, {@code /actuator/migrations/tenants}
	 * ({@code fleet-status.schema.json}, {@code ?page=0&size=50}) lists the tenants by
	 * state. The three share the selector position, so the value decides.
	 */
	@ReadOperation
	public @Nullable String migration(@Selector String version, @Nullable Integer page, @Nullable Integer size) {
		if (DRIFT.equals(version)) {
			return StatusJson.drift(this.monitor.drift(this.driftMaxAge));
		}
		if (TENANTS.equals(version)) {
			return (this.fleet != null) ? FleetViewJson.view(this.fleet.current(), (page != null) ? page : 0,
					(size != null) ? size : FleetViewJson.DEFAULT_PAGE_SIZE) : null;
		}
		return migration(this.monitor.current(), version);
	}

	/**
	 * One tenant of the fleet ({@code /actuator/migrations/tenants/{name}},
	 * {@code status.schema.json}): its full status and drift, read now.
	 */
	@ReadOperation
	public @Nullable String tenant(@Selector String group, @Selector String name) {
		if (!TENANTS.equals(group) || this.fleet == null) {
			return null;
		}
		return this.fleet.tenant(name).map(StatusJson::status).orElse(null);
	}

	private static @Nullable String migration(StatusSnapshot snapshot, String version) {
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
				return StatusJson.migration(migration, snapshot.review(migration.migration()).orElse(null));
			}
		}
		return null;
	}

}
