package dev.strata;

import java.time.Duration;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.execute.LockMode;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A migrator process for {@link ConcurrentMigrateTest} and the lock tests:
 * {@code MigrateMain <jdbc-url> <user> <password> <location> [<lock-mode> [<lease-seconds>]]};
 * the environment variables {@code STRATA_LOCK_WAIT_SECONDS} and
 * {@code STRATA_APPLICATION_NAME} set the lock wait and the application's name. Exits 0
 * after a successful migrate, else with the error category's exit code.
 */
public final class MigrateMain {

	/**
	 * The exit code for a failure of this category. Not the migrator's (those belong to
	 * autoconfigure), but one per category all the same.
	 */
	static int exitCode(ErrorCategory category) {
		return 10 + category.ordinal();
	}

	private MigrateMain() {
	}

	public static void main(String[] args) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(args[0]);
		dataSource.setUser(args[1]);
		dataSource.setPassword(args[2]);
		try {
			StrataConfig.Builder config = StrataConfig.builder(dataSource).locations(args[3]);
			if (args.length > 4) {
				config.lockMode(LockMode.valueOf(args[4]));
			}
			if (args.length > 5) {
				config.lockLease(Duration.ofSeconds(Long.parseLong(args[5])));
			}
			String lockWait = System.getenv("STRATA_LOCK_WAIT_SECONDS");
			if (lockWait != null) {
				config.lockWaitTimeout(Duration.ofSeconds(Long.parseLong(lockWait)));
			}
			config.applicationName(System.getenv("STRATA_APPLICATION_NAME"));
			MigrateResult result = new Strata(config.build()).migrate();
			System.out.println("applied " + result.applied().size());
			System.exit(0);
		}
		catch (StrataException ex) {
			ex.printStackTrace();
			// Exit codes are the migrator's (autoconfigure); the category says what
			// failed.
			System.out.println("category " + ex.category());
			System.exit(exitCode(ex.category()));
		}
	}

}
