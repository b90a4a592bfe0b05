package dev.strata.autoconfigure.migrator;

import dev.strata.Strata;
import dev.strata.fleet.Fleet;
import dev.strata.autoconfigure.StrataAutoConfiguration;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;

/**
 * Migrator mode: with the {@code migrator} profile or
 * {@code strata.migrator.enabled=true}, the application runs one Strata command and exits
 * (see {@link StrataMigrator}). Active even when Strata itself is not, so that a migrator
 * without a database fails loudly with exit code 2 instead of exiting 0 having done
 * nothing.
 *
 * <p>
 * The migrator bean is always defined and decides when it is created whether this run is
 * a migrator run. A condition would be evaluated once at build time in an application
 * processed ahead of time (where the build runs without the migrator profile), and the
 * image would then never be a migrator.
 */
@AutoConfiguration(after = StrataAutoConfiguration.class)
public final class StrataMigratorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	@Lazy(false) // Migrator mode makes every other bean lazy; this one is the point of
					// the run.
	StrataMigrator strataMigrator(ObjectProvider<Strata> strata, Environment environment,
			ObjectProvider<ReportPrinter> printer, ObjectProvider<MigratorExit> exit, ObjectProvider<Fleet> fleet) {
		StrataMigrator migrator = new StrataMigrator(strata, environment,
				printer.getIfAvailable(ReportPrinter::standardOutput), exit);
		migrator.setFleet(fleet);
		return migrator;
	}

}
