package dev.strata.status.internal;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A value read from the database at most once while it is fresh, however many readers
 * ask: readers get it from memory until it goes stale; then one of them reads it again
 * while the others get the stale value rather than queue behind the database. Only with
 * nothing read yet do readers wait for the first read.
 *
 * @param <T> what is read
 */
public final class IntervalCache<T> {

	private final Supplier<T> read;

	private final Predicate<T> stale;

	private final ReentrantLock reading = new ReentrantLock();

	private volatile @Nullable T value;

	/**
	 * @param read reads the value from the database
	 * @param stale whether a value read earlier must be read again
	 */
	public IntervalCache(Supplier<T> read, Predicate<T> stale) {
		this.read = read;
		this.stale = stale;
	}

	/** The value; read now only if nothing fresh is cached and nobody is reading. */
	public T current() {
		T cached = this.value;
		if (cached != null && !this.stale.test(cached)) {
			return cached;
		}
		if (cached != null && !this.reading.tryLock()) {
			// Someone else is reading the database right now: the stale answer is better
			// than a queue.
			return cached;
		}
		if (cached == null) {
			this.reading.lock();
		}
		try {
			T again = this.value;
			return (again != null && !this.stale.test(again)) ? again : refresh();
		}
		finally {
			this.reading.unlock();
		}
	}

	/** Reads the value now. */
	public T refresh() {
		T fresh = this.read.get();
		this.value = fresh;
		return fresh;
	}

	/**
	 * Reads the value now unless a reader is reading it already (a background refresh has
	 * nothing to add then).
	 */
	public void refreshUnlessReading() {
		if (this.reading.tryLock()) {
			try {
				refresh();
			}
			finally {
				this.reading.unlock();
			}
		}
	}

	/** The value last read, fresh or not; {@code null} before the first read. */
	public @Nullable T latest() {
		return this.value;
	}

}
