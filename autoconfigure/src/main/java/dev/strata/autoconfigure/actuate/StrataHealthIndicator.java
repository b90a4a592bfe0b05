package dev.strata.autoconfigure.actuate;

import dev.strata.StatusResult;
import dev.strata.autoconfigure.StrataProperties.OnStartup;
import dev.strata.status.StatusMonitor;
import dev.strata.status.StatusSnapshot;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * Health of migrations: {@code DOWN} when a migration failed or the history is invalid (or the
 * database cannot be read), {@code OUT_OF_SERVICE} while migrations are pending and this
 * application only validates, otherwise {@code UP}. Served from the status cache.
 */
public class StrataHealthIndicator extends AbstractHealthIndicator {

	private final StatusMonitor monitor;

	private final OnStartup onStartup;

	public StrataHealthIndicator(StatusMonitor monitor, OnStartup onStartup) {
		super("Migration health check failed");
		this.monitor = monitor;
		this.onStartup = onStartup;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		StatusSnapshot snapshot = this.monitor.current();
		StatusResult status = snapshot.status();
		builder.withDetail("state", snapshot.state()).withDetail("takenAt", snapshot.takenAt());
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
		else if (!status.pending().isEmpty() && this.onStartup == OnStartup.VALIDATE) {
			builder.status(Status.OUT_OF_SERVICE);
		}
		else {
			builder.up();
		}
	}

}
