package dev.strata.autoconfigure.migrator;

import org.springframework.core.env.Environment;

/**
 * Decides whether the application runs as a migrator: {@code strata.migrator.enabled}
 * when set, else whether the {@code migrator} profile is active. One place, so the
 * environment post processor and the conditions never disagree.
 */
public final class MigratorMode {

	/** The profile that turns migrator mode on. */
	public static final String PROFILE = "migrator";

	/** The property that turns migrator mode on or off, whatever the profiles. */
	public static final String ENABLED_PROPERTY = "strata.migrator.enabled";

	private MigratorMode() {
	}

	public static boolean isActive(Environment environment) {
		Boolean enabled = environment.getProperty(ENABLED_PROPERTY, Boolean.class);
		return (enabled != null) ? enabled : environment.matchesProfiles(PROFILE);
	}

}
