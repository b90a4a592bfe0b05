package dev.strata.status.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

/**
 * What the status and fleet monitors rely on to read the database at most once however
 * many readers ask: a fresh value from memory, a stale one read again by one reader while
 * the others get it as it was, and the first read awaited, not repeated.
 */
class IntervalCacheTest {

	private final AtomicInteger reads = new AtomicInteger();

	private final AtomicBoolean stale = new AtomicBoolean();

	@Test
	void aFreshValueIsServedFromMemoryAndAStaleOneIsReadAgain() {
		IntervalCache<Integer> cache = new IntervalCache<>(this.reads::incrementAndGet, (value) -> this.stale.get());

		assertThat(cache.latest()).isNull();
		assertThat(cache.current()).isEqualTo(1);
		assertThat(cache.current()).isEqualTo(1);
		this.stale.set(true);
		assertThat(cache.current()).isEqualTo(2);
		assertThat(this.reads).hasValue(2);
	}

	@Test
	void whileOneReaderReadsAStaleValueAgainTheOthersGetItAsItWas() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		IntervalCache<Integer> cache = new IntervalCache<>(() -> {
			int read = this.reads.incrementAndGet();
			if (read == 2) {
				reading.countDown();
				await(release);
			}
			return read;
		}, (value) -> this.stale.get());
		cache.current();
		this.stale.set(true);

		CompletableFuture<Integer> slow = CompletableFuture.supplyAsync(cache::current);
		assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();

		assertThat(cache.current()).as("the stale value, not a wait").isEqualTo(1);
		cache.refreshUnlessReading();
		assertThat(this.reads).as("no second read behind the one under way").hasValue(2);
		release.countDown();
		assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo(2);
	}

	@Test
	void withNothingReadYetReadersWaitForTheFirstReadInsteadOfReadingAgain() throws Exception {
		CountDownLatch reading = new CountDownLatch(1);
		CountDownLatch release = new CountDownLatch(1);
		IntervalCache<Integer> cache = new IntervalCache<>(() -> {
			reading.countDown();
			await(release);
			return this.reads.incrementAndGet();
		}, (value) -> false);

		CompletableFuture<Integer> first = CompletableFuture.supplyAsync(cache::current);
		assertThat(reading.await(10, TimeUnit.SECONDS)).isTrue();
		CompletableFuture<Integer> second = CompletableFuture.supplyAsync(cache::current);
		Thread.sleep(100);
		assertThat(second).as("waits for the first read").isNotDone();
		release.countDown();

		assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo(1);
		assertThat(this.reads).hasValue(1);
	}

	private static void await(CountDownLatch latch) {
		try {
			latch.await(10, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

}
