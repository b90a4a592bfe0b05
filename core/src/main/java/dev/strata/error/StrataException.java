package dev.strata.error;

/**
 * Base of every error Strata reports on purpose. The {@link ErrorCategory} tells callers
 * (the migrator's exit code, the failure analyzer, the health indicator) what kind of
 * problem it is without parsing messages.
 */
public class StrataException extends RuntimeException {

	private final ErrorCategory category;

	public StrataException(ErrorCategory category, String message) {
		super(message);
		this.category = category;
	}

	public StrataException(ErrorCategory category, String message, Throwable cause) {
		super(message, cause);
		this.category = category;
	}

	public ErrorCategory category() {
		return this.category;
	}

}
