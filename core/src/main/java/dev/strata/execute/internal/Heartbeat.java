package dev.strata.execute.internal;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps a held lock's session busy and watches that it is still held. An idle connection
 * is the first to be cut ({@code idle_session_timeout}, a load balancer's idle timeout, a
 * proxy), so the lock's connection runs a small query every few seconds; the first beat
 * that fails or finds the lock gone records why, and the executor stops before its next
 * migration. The beat is only an early warning: what keeps two migrators from committing
 * together is the fence checked inside each migration's transaction.
 */
final class Heartbeat implements AutoCloseable {

	private static final Logger logger = LoggerFactory.getLogger(Heartbeat.class);

	private final ScheduledExecutorService scheduler;

	private final Beat beat;

	private final Object monitor;

	private volatile @Nullable String lostReason;

	/**
	 * @param monitor held while beating, so the lock's owner can use or close the
	 * connection safely
	 */
	Heartbeat(String name, Duration interval, Object monitor, Beat beat) {
		this.beat = beat;
		this.monitor = monitor;
		this.scheduler = Executors.newSingleThreadScheduledExecutor((runnable) -> {
			Thread thread = new Thread(runnable, name);
			thread.setDaemon(true);
			return thread;
		});
		long millis = Math.max(50, interval.toMillis());
		this.scheduler.scheduleWithFixedDelay(this::beat, millis, millis, TimeUnit.MILLISECONDS);
	}

	private void beat() {
		if (this.lostReason != null) {
			return;
		}
		synchronized (this.monitor) {
			try {
				String lost = this.beat.run();
				if (lost != null) {
					lost(lost);
				}
			}
			catch (SQLException | RuntimeException ex) {
				lost("its session failed: " + ex.getMessage());
			}
		}
	}

	/** Records that the lock is gone; the first reason wins. */
	void lost(String reason) {
		if (this.lostReason == null) {
			this.lostReason = reason;
			logger.error("The migration lock is lost: {}. Strata stops before the next commit.", reason);
		}
	}

	/**
	 * Why the lock was lost, or {@code null} while it is held as far as the beats know.
	 */
	@Nullable String lostReason() {
		return this.lostReason;
	}

	@Override
	public void close() {
		this.scheduler.shutdownNow();
		try {
			this.scheduler.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** One beat: {@code null} while the lock is held, else why it is not. */
	@FunctionalInterface
	interface Beat {

		@Nullable String run() throws SQLException;

	}

}
