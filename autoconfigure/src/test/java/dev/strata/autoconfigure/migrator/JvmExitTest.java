package dev.strata.autoconfigure.migrator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrator's exit in a real child JVM: non-daemon threads and hanging hooks do not
 * keep it alive.
 */
class JvmExitTest {

	@Test
	void exitsWithTheCodeWhileANonDaemonThreadRuns() throws Exception {
		Process process = launch("non-daemon");
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(5);
	}

	@Test
	void haltsWithTheCodeWhenAShutdownHookNeverReturns() throws Exception {
		Process process = launch("hanging-hook");
		assertThat(process.waitFor(20, TimeUnit.SECONDS)).isTrue();
		assertThat(process.exitValue()).isEqualTo(5);
		assertThat(new String(process.getErrorStream().readAllBytes())).contains("halting with exit code 5");
	}

	private static Process launch(String scenario) throws Exception {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		return new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), Child.class.getName(), scenario)
			.redirectOutput(ProcessBuilder.Redirect.DISCARD)
			.start();
	}

	/**
	 * The child: a non-daemon thread that never ends, optionally a hook that never
	 * returns, then the exit.
	 */
	static final class Child {

		public static void main(String[] args) {
			Thread worker = new Thread(Child::sleepForever, "non-daemon-worker");
			worker.start();
			if (args[0].equals("hanging-hook")) {
				Runtime.getRuntime().addShutdownHook(new Thread(Child::sleepForever));
			}
			new JvmExit(Duration.ofMillis(500)).exit(5);
		}

		private static void sleepForever() {
			try {
				Thread.sleep(Long.MAX_VALUE);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}

	}

}
