package dev.strata.autoconfigure;

import dev.strata.Strata;
import dev.strata.StatusResult;
import dev.strata.autoconfigure.StrataProperties.OnStartup;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Runs Strata when the application context starts, before any bean that uses the schema (Spring
 * Boot's database initialization ordering makes those beans depend on this one).
 */
public class StrataMigrationInitializer implements InitializingBean, Ordered {

	private final Strata strata;

	private final OnStartup onStartup;

	private int order;

	public StrataMigrationInitializer(Strata strata, OnStartup onStartup) {
		Assert.notNull(strata, "'strata' must not be null");
		Assert.notNull(onStartup, "'onStartup' must not be null");
		this.strata = strata;
		this.onStartup = onStartup;
	}

	@Override
	public void afterPropertiesSet() {
		switch (this.onStartup) {
			case MIGRATE -> this.strata.migrate();
			case VALIDATE -> requireUpToDate(this.strata.validate());
			case NONE -> {
			}
		}
	}

	private static void requireUpToDate(StatusResult status) {
		if (!status.pending().isEmpty()) {
			throw new PendingMigrationsException(status);
		}
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	public void setOrder(int order) {
		this.order = order;
	}

}
