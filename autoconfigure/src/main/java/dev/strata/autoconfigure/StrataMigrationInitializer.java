package dev.strata.autoconfigure;

import dev.strata.Strata;
import dev.strata.fleet.Fleet;
import dev.strata.autoconfigure.StrataProperties.OnStartup;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.Ordered;
import org.springframework.util.Assert;

/**
 * Runs Strata when the application context starts, before any bean that uses the schema
 * (Spring Boot's database initialization ordering makes those beans depend on this one).
 */
public class StrataMigrationInitializer implements InitializingBean, DisposableBean, Ordered {

	/** What to do when the application validates and migrations are pending. */
	static final String PENDING_REMEDY = "strata.on-startup=validate applies nothing. Apply them before starting this"
			+ " application (a migrator run of the same build), or set strata.on-startup=migrate.";

	private final @Nullable Strata strata;

	private final OnStartup onStartup;

	private int order;

	private @Nullable Fleet fleet;

	public StrataMigrationInitializer(Strata strata, OnStartup onStartup) {
		Assert.notNull(strata, "'strata' must not be null");
		Assert.notNull(onStartup, "'onStartup' must not be null");
		this.strata = strata;
		this.onStartup = onStartup;
	}

	private StrataMigrationInitializer() {
		this.strata = null;
		this.onStartup = OnStartup.NONE;
	}

	/**
	 * An initializer that applies nothing and needs no {@code Strata}, for a migrator
	 * run: creating Strata there is the migrator's job, which reports a configuration
	 * that fails to bind or connect instead of failing the start-up.
	 */
	static StrataMigrationInitializer inactive() {
		return new StrataMigrationInitializer();
	}

	@Override
	public void afterPropertiesSet() {
		if (this.strata == null) {
			return;
		}
		if (this.fleet != null) {
			new FleetStartup(this.fleet).run(this.onStartup, PENDING_REMEDY);
			return;
		}
		switch (this.onStartup) {
			case MIGRATE -> this.strata.migrate();
			case VALIDATE -> this.strata.validateUpToDate(PENDING_REMEDY);
			case NONE -> {
			}
		}
	}

	/**
	 * A snapshot still being stored after start-up's migrate finishes before the
	 * DataSource it uses closes (this bean depends on it, so it goes first).
	 */
	@Override
	public void destroy() {
		if (this.strata != null) {
			this.strata.awaitSnapshot();
		}
	}

	/**
	 * The tenants, when configured: start-up migrates (or validates) them instead of the
	 * application's own target.
	 */
	public void setFleet(@Nullable Fleet fleet) {
		this.fleet = fleet;
	}

	@Override
	public int getOrder() {
		return this.order;
	}

	public void setOrder(int order) {
		this.order = order;
	}

}
