package dev.strata.autoconfigure.migrator;

/**
 * Ends the migrator process with an exit code. A bean of this type replaces the default
 * {@link JvmExit}, e.g. in tests that run the migrator inside their own JVM.
 */
@FunctionalInterface
public interface MigratorExit {

	void exit(int code);

}
