package dev.strata.maven;

import dev.strata.StatusResult;
import dev.strata.Strata;
import dev.strata.plan.ValidationProblem;
import dev.strata.report.MigrationEntry;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * {@code strata:info}: every migration with its state in the database at
 * {@code -Dstrata.url}, as the migrator's {@code status} lists them; changes nothing.
 * Problems are listed as warnings: {@code strata:validate} is the goal that fails on
 * them.
 */
@Mojo(name = "info", threadSafe = true)
public class InfoMojo extends DatabaseMojo {

	@Override
	String goal() {
		return "info";
	}

	@Override
	void run(Strata strata) {
		StatusResult status = strata.status();
		getLog().info("Schema \"" + status.schema() + "\", version "
				+ ((status.currentVersion() != null) ? status.currentVersion() : "<none>") + ", "
				+ plural(status.pending().size(), "pending migration"));
		StatusTable.render(status.migrations().stream().map(MigrationEntry::of).toList())
			.forEach((line) -> getLog().info(line));
		for (ValidationProblem problem : status.problems()) {
			getLog().warn(problem.describe());
		}
	}

}
