package dev.strata.callback;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;

/**
 * A callback failed. Before the first migration, nothing was applied; inside a migration
 * (each-migration events), that migration was rolled back with it; after the last, every
 * migration of the run is applied and recorded.
 */
public class CallbackFailedException extends StrataException {

	private final String callback;

	private final CallbackEvent event;

	public CallbackFailedException(String callback, CallbackEvent event, String outcome, Throwable cause) {
		super(ErrorCategory.MIGRATION_FAILED,
				"Callback " + callback + " (" + event.fileName() + ") failed: " + cause.getMessage() + ". " + outcome,
				cause);
		this.callback = callback;
		this.event = event;
	}

	/** The callback: a file's location or a class name. */
	public String callback() {
		return this.callback;
	}

	public CallbackEvent event() {
		return this.event;
	}

}
