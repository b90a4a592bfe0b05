package dev.strata.autoconfigure.migrator;

import java.time.Duration;

/**
 * Ends the JVM with {@link System#exit}, which neither waits for non-daemon threads of
 * the application nor returns. A watchdog halts the JVM with the same code if shutdown
 * hooks take longer than the timeout, so a Kubernetes Job never hangs on a hook that does
 * not return.
 */
final class JvmExit implements MigratorExit {

	private final Duration timeout;

	JvmExit(Duration timeout) {
		this.timeout = timeout;
	}

	@Override
	public void exit(int code) {
		Thread watchdog = new Thread(() -> {
			try {
				Thread.sleep(this.timeout.toMillis());
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			System.err.println("Strata migrator: shutdown took longer than " + this.timeout.toMillis()
					+ " ms (strata.migrator.exit-timeout); halting with exit code " + code);
			Runtime.getRuntime().halt(code);
		}, "strata-migrator-exit-watchdog");
		watchdog.setDaemon(true);
		watchdog.start();
		System.exit(code);
	}

}
