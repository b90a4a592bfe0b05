package dev.strata.maven;

import dev.strata.MigrateResult;
import dev.strata.Strata;
import dev.strata.report.MigrationEntry;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code strata:migrate}: applies the pending migrations to the database at
 * {@code -Dstrata.url}, under the migration lock and the guard, as the migrator's
 * {@code migrate} does.
 */
@Mojo(name = "migrate", threadSafe = true)
public class MigrateMojo extends DatabaseMojo {

	@Override
	String goal() {
		return "migrate";
	}

	@Override
	void run(Strata strata) {
		MigrateResult result = strata.migrate();
		if (result.adopted() != null) {
			getLog().warn("Adopted Flyway's history (" + result.adopted().flywayTable() + ")");
		}
		if (result.baselined()) {
			getLog().warn("Recorded a baseline at version " + strata.config().baselineVersion()
					+ " first (strata.baseline-on-migrate)");
		}
		for (MigrateResult.AppliedReport applied : result.applied()) {
			getLog().info(
					"Applied " + MigrationEntry.applied(applied).displayName() + " in " + applied.duration().toMillis()
							+ " ms" + (applied.transactional() ? "" : " (outside a transaction)"));
		}
		getLog().info(result.summary());
	}

}
