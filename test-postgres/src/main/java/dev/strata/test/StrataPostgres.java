package dev.strata.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class a fresh PostgreSQL database on the shared {@link PostgresServer}: a
 * {@link TestDatabase} parameter (constructor, test, lifecycle methods) or non-private
 * field is injected.
 *
 * <p>
 * By default one database serves the whole class (and its {@code @Nested} classes) and is
 * dropped after it; with {@code databasePerTest = true} every test gets its own, dropped
 * after the test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(PostgresExtension.class)
public @interface StrataPostgres {

	/** One database per test method instead of one per test class. */
	boolean databasePerTest() default false;

}
