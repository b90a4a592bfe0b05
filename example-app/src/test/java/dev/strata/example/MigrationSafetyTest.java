package dev.strata.example;

import dev.strata.test.StrataLint;
import org.junit.jupiter.api.Test;

/**
 * The one line an application adds to its build: a migration the guard would refuse at
 * startup (a {@code DROP}, a {@code DELETE}, … without a {@code strata:allow} directive)
 * fails the build instead, with the lint report as the failure message.
 */
class MigrationSafetyTest {

	@Test
	void migrationsAreSafeToDeploy() {
		StrataLint.assertSafe("classpath:db/migration");
	}

}
