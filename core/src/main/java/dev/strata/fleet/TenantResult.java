package dev.strata.fleet;

import java.time.Duration;
import java.util.Objects;

import dev.strata.error.ErrorCategory;
import org.jspecify.annotations.Nullable;

/**
 * One tenant of a fleet after a run.
 *
 * @param name the tenant's target name
 * @param schema the schema holding its history, {@code null} when it is the connection's
 * current schema and was not read
 * @param state where it stands
 * @param applied how many migrations this run applied to it
 * @param pending how many migrations are pending ({@link TenantState#PENDING} only, else
 * 0)
 * @param version its version after the run, {@code null} for none or not known
 * @param duration the time spent on it in this run
 * @param error what went wrong ({@link TenantState#FAILED}, {@code REFUSED},
 * {@code SKIPPED}, {@code PENDING}), else {@code null}
 * @param category the kind of error, {@code null} when there is none
 */
public record TenantResult(String name, @Nullable String schema, TenantState state, int applied, int pending,
		@Nullable String version, Duration duration, @Nullable String error, @Nullable ErrorCategory category) {

	public TenantResult {
		Objects.requireNonNull(name, "name must not be null");
		Objects.requireNonNull(state, "state must not be null");
		Objects.requireNonNull(duration, "duration must not be null");
	}

}
