package dev.strata.autoconfigure.actuate;

import java.time.Duration;
import java.time.Instant;

import dev.strata.targets.MigrationTarget;
import dev.strata.StatusResult;
import dev.strata.error.StrataException;
import dev.strata.execute.LockLostException;
import dev.strata.execute.MigrationFailedException;
import dev.strata.execute.MigrationListener;
import dev.strata.migration.PreparedMigration;
import dev.strata.migration.Migration;
import dev.strata.status.DriftCheck;
import dev.strata.status.internal.StatusMonitor;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;

/**
 * Micrometer meters for Strata, fed by migration events; the gauges (migrations, schema
 * drift and the age of the last drift check) read the status cache, so a scrape never
 * queries the database more than once per check interval.
 */
public class StrataMetrics implements MigrationListener {

	private final MeterRegistry registry;

	/**
	 * The {@code target} tag of every tenant of a fleet, unless
	 * {@code strata.tenants.metrics.per-tenant} asks for each tenant's name.
	 */
	static final String TENANTS_TARGET = "tenants";

	private final ObjectProvider<StatusMonitor> monitor;

	private final boolean perTenant;

	public StrataMetrics(MeterRegistry registry, ObjectProvider<StatusMonitor> monitor) {
		this(registry, monitor, false);
	}

	/**
	 * @param perTenant whether a tenant's events are tagged with its own name rather than
	 * {@value #TENANTS_TARGET}, one series per tenant
	 */
	public StrataMetrics(MeterRegistry registry, ObjectProvider<StatusMonitor> monitor, boolean perTenant) {
		this.registry = registry;
		this.monitor = monitor;
		this.perTenant = perTenant;
		// Gauges hold their state object weakly: it must be this bean, which lives as
		// long as the context.
		Gauge.builder("strata.migrations.pending", this, (metrics) -> metrics.count(true))
			.description("Migrations waiting to be applied; -1 when unknown")
			.register(registry);
		Gauge.builder("strata.migrations.applied", this, (metrics) -> metrics.count(false))
			.description("Applied migrations; -1 when unknown")
			.register(registry);
		Gauge.builder("strata.schema.drift.objects", this, StrataMetrics::driftObjects)
			.description("Objects that differ from the schema snapshot; -1 when unknown")
			.register(registry);
		Gauge.builder("strata.schema.drift.check.age", this, StrataMetrics::driftCheckAge)
			.description("Seconds since the last successful drift check; -1 when none succeeded")
			.baseUnit("seconds")
			.register(registry);
		// Registered up front so dashboards and alerts see zero rather than no data.
		for (String outcome : new String[] { "applied", "failed", "refused", "baselined", "lock-lost" }) {
			outcomeCounter(MigrationTarget.DEFAULT_NAME, outcome);
		}
	}

	@Override
	public void lockAcquired(MigrationTarget target, Duration waited) {
		Timer.builder("strata.lock.wait")
			.description("Time spent waiting for the migration lock")
			.tag("target", targetTag(target))
			.register(this.registry)
			.record(waited);
	}

	@Override
	public void applied(MigrationTarget target, PreparedMigration migration, Duration duration) {
		record(target, migration.migration(), duration, "applied");
	}

	@Override
	public void failed(MigrationTarget target, PreparedMigration migration, Duration duration,
			MigrationFailedException failure) {
		record(target, migration.migration(), duration, "failed");
	}

	@Override
	public void refused(MigrationTarget target, PreparedMigration migration, StrataException refusal) {
		outcomeCounter(targetTag(target), "refused").increment();
	}

	@Override
	public void lockLost(MigrationTarget target, PreparedMigration migration, LockLostException failure) {
		outcomeCounter(targetTag(target), "lock-lost").increment();
	}

	@Override
	public void baselined(MigrationTarget target, String version) {
		outcomeCounter(targetTag(target), "baselined").increment();
	}

	private void record(MigrationTarget target, Migration file, Duration duration, String outcome) {
		Timer.builder("strata.migration.duration")
			.description("Time to apply one migration")
			.tag("version", (file.version() != null) ? file.version().toString() : "repeatable")
			.tag("type", file.type().name())
			.tag("outcome", outcome)
			.tag("target", targetTag(target))
			.register(this.registry)
			.record(duration);
		outcomeCounter(targetTag(target), outcome).increment();
	}

	/**
	 * The application's own target by its name; the fleet's tenants (every other target
	 * an application has) as one, so a fleet adds no series per tenant unless asked.
	 */
	private String targetTag(MigrationTarget target) {
		if (this.perTenant || MigrationTarget.DEFAULT_NAME.equals(target.name())) {
			return target.name();
		}
		return TENANTS_TARGET;
	}

	private Counter outcomeCounter(String target, String outcome) {
		return Counter.builder("strata.migrations")
			.description("Migrations by outcome")
			.tag("outcome", outcome)
			.tag("target", target)
			.register(this.registry);
	}

	private double driftObjects() {
		DriftCheck drift = drift();
		return (drift != null) ? drift.changedObjects() : -1;
	}

	private double driftCheckAge() {
		DriftCheck drift = drift();
		Instant checkedAt = (drift != null) ? drift.checkedAt() : null;
		if (checkedAt == null) {
			return -1;
		}
		return Math.max(0, Duration.between(checkedAt, Instant.now()).toMillis() / 1000.0);
	}

	private @Nullable DriftCheck drift() {
		StatusMonitor monitor = this.monitor.getIfAvailable();
		return (monitor != null) ? monitor.current().drift() : null;
	}

	private double count(boolean pending) {
		StatusMonitor monitor = this.monitor.getIfAvailable();
		StatusResult status = (monitor != null) ? monitor.current().status() : null;
		if (status == null) {
			return -1;
		}
		if (pending) {
			return status.pending().size();
		}
		return status.migrations()
			.stream()
			.filter((migration) -> migration.applied() != null && migration.applied().success()
					&& migration.state() != dev.strata.plan.MigrationState.SUPERSEDED
					&& migration.state() != dev.strata.plan.MigrationState.UNDONE)
			.count();
	}

}
