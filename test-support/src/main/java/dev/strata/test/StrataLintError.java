package dev.strata.test;

import org.jspecify.annotations.Nullable;

import dev.strata.guard.report.LintResult;

/**
 * A failed {@link StrataLint} assertion. The message is the whole story (each failing
 * statement with {@code file:line:column} and rule, then the text report);
 * {@link #result()} is there for further checks.
 */
public final class StrataLintError extends AssertionError {

	private static final long serialVersionUID = 1L;

	private final transient @Nullable LintResult result;

	StrataLintError(String message, @Nullable LintResult result, @Nullable Throwable cause) {
		super(message, cause);
		this.result = result;
	}

	/** The lint's result, or {@code null} when a migration could not be read. */
	public @Nullable LintResult result() {
		return this.result;
	}

}
