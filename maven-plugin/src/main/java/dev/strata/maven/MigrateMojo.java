package dev.strata.maven;

import dev.strata.Strata;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code strata:migrate}: applies the pending migrations to the database at
 * {@code -Dstrata.url}, under the migration lock and the guard, as the migrator's
 * {@code migrate} does. What it applied is logged as the application logs it.
 */
@Mojo(name = "migrate", threadSafe = true)
public class MigrateMojo extends DatabaseMojo {

	@Override
	String goal() {
		return "migrate";
	}

	@Override
	void run(Strata strata) {
		// Core logs each applied migration and the summary through SLF4J, which is
		// Maven's log here: nothing to add.
		strata.migrate();
		// The build's next step may read the schema: the goal ends with the snapshot
		// stored, as the migrator's migrate does.
		strata.awaitSnapshot();
	}

}
