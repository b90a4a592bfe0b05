package dev.strata.migration.java;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Allows guard rules for a whole {@link JavaMigration}, with the reason: what
 * {@code -- strata:allow drop-column reason="…"} is to a SQL file. The guard sees a Java
 * migration only through the effect check, so this is how a backfill that deletes rows
 * ({@code delete-without-where}) or a migration that drops a column ({@code drop-column})
 * says it means to.
 *
 * <pre class="code">
 * &#64;Allow(rules = "drop-column", reason = "totals moved to the ledger in V11")
 * class V12__Drop_totals extends BaseJavaMigration { … }
 * </pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
@Repeatable(Allow.List.class)
public @interface Allow {

	/** The rule ids allowed, as in the guard's documentation ({@code drop-column}). */
	String[] rules();

	/** Why, for the log and whoever reads the migration later. */
	String reason();

	/** Several {@link Allow}s on one class. */
	@Documented
	@Retention(RetentionPolicy.RUNTIME)
	@Target(ElementType.TYPE)
	@interface List {

		Allow[] value();

	}

}
