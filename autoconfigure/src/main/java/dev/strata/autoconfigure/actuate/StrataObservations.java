package dev.strata.autoconfigure.actuate;

import java.time.Duration;

import dev.strata.targets.MigrationTarget;
import dev.strata.execute.MigrationFailedException;
import dev.strata.execute.MigrationListener;
import dev.strata.migration.PreparedMigration;
import dev.strata.migration.Migration;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import org.jspecify.annotations.Nullable;

/**
 * An Observation around each migration ({@code strata.migration}), so tracing shows
 * migrations as spans. Migrations run one at a time on one thread, so one current
 * observation suffices.
 */
public class StrataObservations implements MigrationListener {

	private final ObservationRegistry registry;

	private @Nullable Observation current;

	public StrataObservations(ObservationRegistry registry) {
		this.registry = registry;
	}

	@Override
	public void started(MigrationTarget target, PreparedMigration migration) {
		Migration file = migration.migration();
		this.current = Observation.createNotStarted("strata.migration", this.registry)
			.contextualName("migrate " + file.displayName())
			.lowCardinalityKeyValue("type", file.type().name())
			.lowCardinalityKeyValue("transactional", String.valueOf(migration.transactional()))
			.highCardinalityKeyValue("version", (file.version() != null) ? file.version().toString() : "repeatable")
			.highCardinalityKeyValue("script", file.script())
			.start();
	}

	@Override
	public void applied(MigrationTarget target, PreparedMigration migration, Duration duration) {
		stop(null);
	}

	@Override
	public void failed(MigrationTarget target, PreparedMigration migration, Duration duration,
			MigrationFailedException failure) {
		stop(failure);
	}

	private void stop(@Nullable Throwable failure) {
		Observation observation = this.current;
		if (observation != null) {
			if (failure != null) {
				observation.error(failure);
			}
			observation.stop();
			this.current = null;
		}
	}

}
