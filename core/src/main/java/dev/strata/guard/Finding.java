package dev.strata.guard;

import dev.strata.guard.rules.Rule;
import org.jspecify.annotations.Nullable;

/**
 * What the guard found in one statement.
 *
 * @param rule the rule
 * @param message what this statement does, naming the objects
 * ({@code drops column email of users})
 * @param file the migration, as {@code classpath:db/migration/V3__x.sql}
 * @param line 1-based line of the statement (or of the offending {@code ALTER TABLE}
 * action)
 * @param column 1-based column of the same
 * @param statement the statement on one line, abbreviated
 * @param table the table whose lock or size matters, as written, or {@code null}
 */
public record Finding(Rule rule, String message, String file, int line, int column, String statement,
		@Nullable String table) {

	public String ruleId() {
		return this.rule.id();
	}

	public Severity severity() {
		return this.rule.severity();
	}

	public String lock() {
		return this.rule.lock();
	}

	public String safeAlternative() {
		return this.rule.safeAlternative();
	}

	/** {@code file:line:column}. */
	public String location() {
		return this.file + ":" + this.line + ":" + this.column;
	}

}
