package dev.strata.execute;

import java.time.Duration;
import java.util.List;

import dev.strata.StrataException;
import dev.strata.plan.PreparedMigration;

/** Forwards every event to several listeners, in order. */
public final class CompositeMigrationListener implements MigrationListener {

	private final List<MigrationListener> listeners;

	public CompositeMigrationListener(List<MigrationListener> listeners) {
		this.listeners = List.copyOf(listeners);
	}

	@Override
	public void lockAcquired(Duration waited) {
		this.listeners.forEach((listener) -> listener.lockAcquired(waited));
	}

	@Override
	public void baselined(String version) {
		this.listeners.forEach((listener) -> listener.baselined(version));
	}

	@Override
	public void runStarting(List<PreparedMigration> pending) {
		this.listeners.forEach((listener) -> listener.runStarting(pending));
	}

	@Override
	public void runFinished(boolean success) {
		this.listeners.forEach((listener) -> listener.runFinished(success));
	}

	@Override
	public void started(PreparedMigration migration) {
		this.listeners.forEach((listener) -> listener.started(migration));
	}

	@Override
	public void applied(PreparedMigration migration, Duration duration) {
		this.listeners.forEach((listener) -> listener.applied(migration, duration));
	}

	@Override
	public void failed(PreparedMigration migration, Duration duration, MigrationFailedException failure) {
		this.listeners.forEach((listener) -> listener.failed(migration, duration, failure));
	}

	@Override
	public void refused(PreparedMigration migration, StrataException refusal) {
		this.listeners.forEach((listener) -> listener.refused(migration, refusal));
	}

	@Override
	public void lockLost(PreparedMigration migration, LockLostException failure) {
		this.listeners.forEach((listener) -> listener.lockLost(migration, failure));
	}

	@Override
	public void retrying(PreparedMigration migration, int attempt, Duration backoff) {
		this.listeners.forEach((listener) -> listener.retrying(migration, attempt, backoff));
	}

}
