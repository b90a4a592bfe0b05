package dev.strata.maven;

import dev.strata.StatusResult;
import dev.strata.Strata;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code strata:validate}: fails unless the files and the database's history agree and
 * nothing is pending, as the migrator's {@code validate} and
 * {@code strata.on-startup=validate} do.
 */
@Mojo(name = "validate", threadSafe = true)
public class ValidateMojo extends DatabaseMojo {

	@Override
	String goal() {
		return "validate";
	}

	@Override
	void run(Strata strata) {
		StatusResult status = strata
			.validateUpToDate("Run mvn strata:migrate, or the migrator with command 'migrate'.");
		getLog().info("Schema \"" + status.schema() + "\" is valid and up to date at version "
				+ ((status.currentVersion() != null) ? status.currentVersion() : "<none>") + " ("
				+ plural(status.migrations().size(), "migration") + ")");
	}

}
