package dev.strata.autoconfigure.migrator;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot that the migrator initializes the database, so any bean that uses the
 * schema and is created eagerly despite migrator mode's lazy beans still waits for it.
 */
class MigratorDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(StrataMigrator.class);
	}

}
