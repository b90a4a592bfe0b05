package dev.strata.status;

import java.time.Instant;

import dev.strata.drift.DriftReport;
import dev.strata.drift.DriftState;
import org.jspecify.annotations.Nullable;

/**
 * The latest schema drift check as the status views see it: the last report that could be
 * taken, and why the latest attempt failed if it did.
 *
 * @param report the last successful check's report, {@code null} if none succeeded yet
 * @param error why the latest attempt failed, {@code null} if it succeeded (or none was
 * made)
 */
public record DriftCheck(@Nullable DriftReport report, @Nullable String error) {

	/** No check has run yet. */
	public static final DriftCheck NONE = new DriftCheck(null, null);

	/** The state of the last successful check, {@code null} if none succeeded. */
	public @Nullable DriftState state() {
		return (this.report != null) ? this.report.state() : null;
	}

	/** Whether the last successful check found drift. */
	public boolean drifted() {
		return this.report != null && this.report.drifted();
	}

	/**
	 * Objects that differ from the snapshot; {@code -1} when unknown (no successful
	 * check, no snapshot, or a snapshot that cannot be compared).
	 */
	public int changedObjects() {
		if (this.report == null) {
			return -1;
		}
		return switch (this.report.state()) {
			case NO_DRIFT, DRIFTED -> this.report.changedObjects();
			case NO_SNAPSHOT, REBASELINE_NEEDED -> -1;
		};
	}

	/** When the last successful check ran, {@code null} if none did. */
	public @Nullable Instant checkedAt() {
		return (this.report != null) ? this.report.checkedAt() : null;
	}

	/**
	 * When the snapshot compared with was taken, {@code null} if unknown or none is
	 * stored.
	 */
	public @Nullable Instant snapshotTakenAt() {
		return (this.report != null && this.report.snapshot() != null) ? this.report.snapshot().takenAt() : null;
	}

	/** The same report, with the reason the latest attempt failed. */
	public DriftCheck failed(String error) {
		return new DriftCheck(this.report, error);
	}

}
