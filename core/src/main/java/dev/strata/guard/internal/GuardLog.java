package dev.strata.guard.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import dev.strata.guard.Assessment;
import dev.strata.guard.Finding;
import dev.strata.guard.GuardedMigration;
import dev.strata.guard.Outcome;

/**
 * Logs what the guard let through when a migration is applied: warnings and allowed
 * findings.
 */
public final class GuardLog {

	private static final Logger logger = LoggerFactory.getLogger(GuardLog.class);

	private GuardLog() {
	}

	/**
	 * Logs every warned or allowed finding of the migration, and its directive warnings.
	 */
	public static void applying(GuardedMigration migration) {
		for (String warning : migration.warnings()) {
			logger.warn(warning);
		}
		for (Assessment assessment : migration.assessments()) {
			Finding finding = assessment.finding();
			if (assessment.outcome() == Outcome.REFUSED) {
				continue;
			}
			String note = assessment.note().isEmpty() ? "" : " (" + assessment.note() + ")";
			logger.warn("{} [{}] {} {}: {}{}\n    statement: {}\n    instead:   {}", finding.location(),
					finding.ruleId(), finding.severity(),
					assessment.outcome() == Outcome.ALLOWED ? "allowed" : "warning", finding.message(), note,
					finding.statement(), finding.safeAlternative());
		}
	}

}
