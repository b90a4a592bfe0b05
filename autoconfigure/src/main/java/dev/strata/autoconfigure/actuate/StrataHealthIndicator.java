package dev.strata.autoconfigure.actuate;

import java.util.LinkedHashMap;
import java.util.Map;

import dev.strata.StatusResult;
import dev.strata.autoconfigure.StrataProperties.OnStartup;
import dev.strata.status.DriftCheck;
import dev.strata.status.internal.StatusMonitor;
import dev.strata.status.StatusSnapshot;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of migrations: {@code DOWN} when a migration failed or the history is invalid
 * (or the database cannot be read), and on schema drift if asked to;
 * {@code OUT_OF_SERVICE} while migrations are pending and this application only
 * validates; otherwise {@code UP}. Drift is always in the details. Served from the status
 * cache.
 */
public class StrataHealthIndicator extends AbstractHealthIndicator {

	private final StatusMonitor monitor;

	private final OnStartup onStartup;

	private final boolean failOnDrift;

	public StrataHealthIndicator(StatusMonitor monitor, OnStartup onStartup) {
		this(monitor, onStartup, false);
	}

	public StrataHealthIndicator(StatusMonitor monitor, OnStartup onStartup, boolean failOnDrift) {
		super("Migration health check failed");
		this.monitor = monitor;
		this.onStartup = onStartup;
		this.failOnDrift = failOnDrift;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		StatusSnapshot snapshot = this.monitor.current();
		StatusResult status = snapshot.status();
		builder.withDetail("state", snapshot.state()).withDetail("takenAt", snapshot.takenAt());
		builder.withDetail("drift", drift(snapshot.drift()));
		if (status == null) {
			builder.down().withDetail("error", String.valueOf(snapshot.error()));
			return;
		}
		builder.withDetail("schema", status.schema());
		if (status.currentVersion() != null) {
			builder.withDetail("currentVersion", status.currentVersion());
		}
		builder.withDetail("pending", status.pending().size());
		if (!status.isValid()) {
			builder.down()
				.withDetail("problems", status.problems().stream().map((problem) -> problem.describe()).toList());
		}
		else if (this.failOnDrift && snapshot.drift().drifted()) {
			builder.down();
		}
		else if (!status.pending().isEmpty() && this.onStartup == OnStartup.VALIDATE) {
			builder.status(Status.OUT_OF_SERVICE);
		}
		else {
			builder.up();
		}
	}

	private static Map<String, Object> drift(DriftCheck drift) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("state", (drift.state() != null) ? drift.state() : "UNKNOWN");
		details.put("changedObjects", drift.changedObjects());
		if (drift.checkedAt() != null) {
			details.put("checkedAt", drift.checkedAt());
		}
		if (drift.error() != null) {
			details.put("error", drift.error());
		}
		return details;
	}

}
