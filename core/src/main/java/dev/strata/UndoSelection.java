package dev.strata;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.history.HistoryType;
import dev.strata.migration.Migration;
import dev.strata.plan.MigrationState;
import dev.strata.plan.MigrationStatus;
import dev.strata.plan.internal.MigrationPlan;
import dev.strata.source.Version;
import org.jspecify.annotations.Nullable;

/**
 * Which undo files an {@code undo} runs: the last applied version's, or those of every
 * applied version above a target, newest first. Refuses, before anything runs, when one
 * of them has no undo file or is not Strata's to revert (a baseline, a version below it).
 */
final class UndoSelection {

	private UndoSelection() {
	}

	/**
	 * Parses the target version a user wrote. @throws StrataException of category
	 * {@link ErrorCategory#CONFIGURATION} for one that is no version
	 */
	static @Nullable Version target(@Nullable String targetVersion) {
		if (targetVersion == null || targetVersion.isBlank()) {
			return null;
		}
		try {
			return Version.parse(targetVersion.trim());
		}
		catch (IllegalArgumentException ex) {
			throw new StrataException(ErrorCategory.CONFIGURATION, "The undo target '" + targetVersion
					+ "' is not a version (" + ex.getMessage() + "). Give the version to undo down to, as 2 or 1.1.");
		}
	}

	/**
	 * The undo migrations to run, in order.
	 * @param target undo every applied version above it; {@code null}: the last applied
	 * version only
	 * @throws StrataException of category {@link ErrorCategory#VALIDATION} naming each
	 * version that cannot be undone, and why
	 */
	static List<Migration> select(MigrationPlan plan, @Nullable Version target) {
		List<MigrationStatus> above = new ArrayList<>();
		for (MigrationStatus status : plan.statuses()) {
			if (status.applied() == null || status.version() == null || status.state() == MigrationState.SUPERSEDED
					|| status.state() == MigrationState.UNDONE) {
				continue;
			}
			if (target == null || Version.parse(status.version()).compareTo(target) > 0) {
				above.add(status);
			}
		}
		above.sort(Comparator.comparing((MigrationStatus status) -> Version.parse(status.version())).reversed());
		if (target == null && above.size() > 1) {
			above = above.subList(0, 1);
		}
		List<Migration> undos = new ArrayList<>();
		List<String> refusals = new ArrayList<>();
		for (MigrationStatus status : above) {
			Migration file = status.migration();
			if (status.state() != MigrationState.APPLIED || status.applied().type() == HistoryType.BASELINE
					|| file == null) {
				refusals.add(status.displayName() + " is " + status.state()
						+ ", not an applied migration an undo file can revert");
			}
			else if (file.undo() == null) {
				refusals.add(status.displayName() + " has no undo file: expected U" + file.version()
						+ "__<description>.sql beside " + file.location() + " (e.g. U" + file.version() + "__"
						+ file.description().replace(' ', '_') + ".sql)");
			}
			else {
				undos.add(file.undo());
			}
		}
		if (!refusals.isEmpty()) {
			throw new StrataException(ErrorCategory.VALIDATION,
					"Cannot undo " + ((target != null) ? "down to version " + target : "the last applied migration")
							+ "; nothing was undone:\n  " + String.join("\n  ", refusals));
		}
		return undos;
	}

}
