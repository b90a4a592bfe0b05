package dev.strata.execute.internal;

import java.time.Duration;
import java.util.List;

import dev.strata.targets.MigrationTarget;
import dev.strata.error.StrataException;
import dev.strata.migration.PreparedMigration;
import dev.strata.execute.LockLostException;
import dev.strata.execute.MigrationFailedException;
import dev.strata.execute.MigrationListener;

/** Forwards every event to several listeners, in order. */
public final class CompositeMigrationListener implements MigrationListener {

	private final List<MigrationListener> listeners;

	public CompositeMigrationListener(List<MigrationListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void lockAcquired(MigrationTarget target, Duration waited) {
		this.listeners.forEach((listener) -> listener.lockAcquired(target, waited));
	}

	@Override
	public void baselined(MigrationTarget target, String version) {
		this.listeners.forEach((listener) -> listener.baselined(target, version));
	}

	@Override
	public void runStarting(MigrationTarget target, List<PreparedMigration> pending) {
		this.listeners.forEach((listener) -> listener.runStarting(target, pending));
	}

	@Override
	public void runFinished(MigrationTarget target, boolean success) {
		this.listeners.forEach((listener) -> listener.runFinished(target, success));
	}

	@Override
	public void started(MigrationTarget target, PreparedMigration migration) {
		this.listeners.forEach((listener) -> listener.started(target, migration));
	}

	@Override
	public void applied(MigrationTarget target, PreparedMigration migration, Duration duration) {
		this.listeners.forEach((listener) -> listener.applied(target, migration, duration));
	}

	@Override
	public void failed(MigrationTarget target, PreparedMigration migration, Duration duration,
			MigrationFailedException failure) {
		this.listeners.forEach((listener) -> listener.failed(target, migration, duration, failure));
	}

	@Override
	public void refused(MigrationTarget target, PreparedMigration migration, StrataException refusal) {
		this.listeners.forEach((listener) -> listener.refused(target, migration, refusal));
	}

	@Override
	public void lockLost(MigrationTarget target, PreparedMigration migration, LockLostException failure) {
		this.listeners.forEach((listener) -> listener.lockLost(target, migration, failure));
	}

	@Override
	public void retrying(MigrationTarget target, PreparedMigration migration, int attempt, Duration backoff) {
		this.listeners.forEach((listener) -> listener.retrying(target, migration, attempt, backoff));
	}

}
