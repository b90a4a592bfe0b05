package dev.strata.status.internal;

import dev.strata.Strata;
import dev.strata.StrataException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.strata.status.DriftCheck;

/**
 * Runs the cheap drift check for the status views and remembers its last result, so that
 * a failed or skipped check leaves the previous report in place (with its check time,
 * which then ages).
 */
final class DriftWatch {

	private static final Logger logger = LoggerFactory.getLogger(DriftWatch.class);

	private final Strata strata;

	private volatile DriftCheck latest = DriftCheck.NONE;

	DriftWatch(Strata strata) {
		this.strata = strata;
	}

	/** The last result, without touching the database. */
	DriftCheck latest() {
		return this.latest;
	}

	/**
	 * Checks now: one query in the regular case, a few more only when something differs.
	 */
	DriftCheck check() {
		DriftCheck result;
		try {
			result = new DriftCheck(this.strata.drift(), null);
		}
		catch (StrataException ex) {
			logger.debug("Could not check for schema drift", ex);
			result = this.latest.failed(ex.getMessage());
		}
		this.latest = result;
		return result;
	}

}
