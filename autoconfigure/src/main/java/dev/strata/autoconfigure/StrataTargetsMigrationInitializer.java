package dev.strata.autoconfigure;

import java.util.ArrayList;
import java.util.List;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * Runs the {@code strata.targets.<name>} targets when the application context starts,
 * after the default target and before any bean that uses a schema (Spring Boot's database
 * initialization ordering makes those beans depend on this one, as on
 * {@link StrataMigrationInitializer}). The targets are independent: each one runs even
 * when one before it failed, and start-up then fails naming every target that failed.
 */
public class StrataTargetsMigrationInitializer implements InitializingBean, DisposableBean {

	private static final Log logger = LogFactory.getLog(StrataTargetsMigrationInitializer.class);

	private final @Nullable StrataTargets targets;

	/**
	 * @param targets the targets to run, or {@code null} for none (migrator mode)
	 */
	public StrataTargetsMigrationInitializer(@Nullable StrataTargets targets) {
		this.targets = targets;
	}

	@Override
	public void afterPropertiesSet() {
		StrataTargets targets = this.targets;
		if (targets == null) {
			return;
		}
		List<String> failed = new ArrayList<>();
		RuntimeException first = null;
		for (String name : targets.names()) {
			try {
				run(targets, name);
			}
			catch (RuntimeException ex) {
				logger.error(
						"Target '" + name + "' (" + StrataTargetsFactory.prefix(name) + ") failed: " + ex.getMessage());
				failed.add(name);
				if (first == null) {
					first = ex;
				}
				else {
					first.addSuppressed(ex);
				}
			}
		}
		if (first != null) {
			ErrorCategory category = (first instanceof StrataException strata) ? strata.category()
					: ErrorCategory.UNEXPECTED;
			throw new StrataException(category, "Target '" + failed.get(0) + "' ("
					+ StrataTargetsFactory.prefix(failed.get(0)) + ") failed: " + first.getMessage()
					+ ((failed.size() > 1) ? " (the targets that failed: " + String.join(", ", failed) + ")" : ""),
					first);
		}
	}

	/** Snapshots still being stored finish before the targets' DataSources close. */
	@Override
	public void destroy() {
		if (this.targets != null) {
			this.targets.names().forEach((name) -> this.targets.get(name).awaitSnapshot());
		}
	}

	private static void run(StrataTargets targets, String name) {
		switch (targets.onStartup(name)) {
			case MIGRATE -> targets.get(name).migrate();
			case VALIDATE -> targets.get(name)
				.validateUpToDate(StrataMigrationInitializer.PENDING_REMEDY.replace("strata.on-startup",
						StrataTargetsFactory.prefix(name) + ".on-startup"));
			case NONE -> {
			}
		}
	}

}
