package dev.strata;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import dev.strata.migration.Migration;

/**
 * Reads the migration files on a thread of its own while the caller opens its first
 * database connection: on a restart both are waits (file I/O, and a pool's or driver's
 * cold start), and there is no reason to pay them one after the other.
 */
final class MigrationsLoading {

	private final CompletableFuture<List<Migration>> files;

	private MigrationsLoading(Supplier<List<Migration>> loader) {
		this.files = new CompletableFuture<>();
		Thread thread = new Thread(() -> {
			try {
				this.files.complete(loader.get());
			}
			catch (Throwable ex) {
				this.files.completeExceptionally(ex);
			}
		}, "strata-load-migrations");
		thread.setDaemon(true);
		thread.start();
	}

	static MigrationsLoading start(Supplier<List<Migration>> loader) {
		return new MigrationsLoading(loader);
	}

	/**
	 * The files, or the failure loading them threw (a bad file name, a duplicate, an
	 * unreadable file).
	 */
	List<Migration> get() {
		try {
			return this.files.join();
		}
		catch (CompletionException ex) {
			if (ex.getCause() instanceof RuntimeException runtime) {
				throw runtime;
			}
			if (ex.getCause() instanceof Error error) {
				throw error;
			}
			throw ex;
		}
	}

}
