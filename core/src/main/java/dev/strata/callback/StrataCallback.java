package dev.strata.callback;

/**
 * Work that runs at {@link CallbackEvent}s of a {@code migrate} run: what Flyway's
 * {@code Callback} is. Register it with {@code StrataConfig.Builder#callbacks}; in a
 * Spring application every bean implementing it is a callback.
 * <p>
 * The guard cannot read Java: a callback is trusted to do what a callback does (grant,
 * refresh, analyze), not to change the schema.
 */
public interface StrataCallback {

	/** Whether it runs at this event. */
	boolean supports(CallbackEvent event);

	/**
	 * Runs at {@code event}. Use the context's connection; do not commit, roll back or
	 * close it (Strata commits a callback that runs outside a migration, in a transaction
	 * of its own). An exception fails the run: see {@link CallbackFailedException}.
	 */
	void handle(CallbackEvent event, CallbackContext context) throws Exception;

	/** How the log and messages name it: the class name unless overridden. */
	default String name() {
		return getClass().getName();
	}

}
