package dev.strata.autoconfigure;

import java.util.Set;

import org.springframework.boot.sql.init.dependency.AbstractBeansOfTypeDatabaseInitializerDetector;

/**
 * Tells Spring Boot which beans initialize the database, so that JPA,
 * {@code JdbcTemplate}, {@code JdbcClient}, jOOQ and
 * {@code @DependsOnDatabaseInitialization} beans wait for them.
 */
class StrataDatabaseInitializerDetector extends AbstractBeansOfTypeDatabaseInitializerDetector {

	@Override
	protected Set<Class<?>> getDatabaseInitializerBeanTypes() {
		return Set.of(StrataMigrationInitializer.class, StrataTargetsMigrationInitializer.class);
	}

}
