package dev.strata.guard;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What the guard read of each migration, kept for the next target that runs the same
 * migration: a fleet of tenant schemas shares one, so a file is read once, not once per
 * tenant. Only what depends on the migration's text alone is kept; table sizes are still
 * looked up per target. Safe to share between threads.
 */
public final class RecognitionCache {

	private final Map<String, Object> entries = new ConcurrentHashMap<>();

	private final AtomicLong misses = new AtomicLong();

	/**
	 * The value kept for {@code key}, computed (once) when there is none.
	 * @param key what identifies the migration's text: its location, checksum and the
	 * statements as they run (placeholders replaced)
	 * @param compute reads the migration
	 */
	@SuppressWarnings("unchecked")
	public <T> T get(String key, Supplier<T> compute) {
		return (T) this.entries.computeIfAbsent(key, (k) -> {
			this.misses.incrementAndGet();
			return compute.get();
		});
	}

	/** How many times a migration was read rather than found here. */
	public long reads() {
		return this.misses.get();
	}

}
