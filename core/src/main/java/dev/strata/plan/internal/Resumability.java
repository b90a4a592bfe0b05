package dev.strata.plan.internal;

import java.util.List;

import dev.strata.history.AppliedMigration;
import dev.strata.migration.Migration;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.sql.SqlScript;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.sql.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * Whether a migration interrupted outside a transaction can resume by itself: the history
 * row says which statement was in flight, the file is the one that ran (same checksum),
 * and that statement is one whose outcome the catalog tells ({@link ResumableStatement}).
 * The one place that decides, for the plan, the refusal message and the executor alike.
 */
public final class Resumability {

	private Resumability() {
	}

	/** Whether {@code migrate} resumes the migration of this row by itself. */
	public static boolean canResume(AppliedMigration row, @Nullable Migration file) {
		return row.interrupted() && whyNot(row, file) == null;
	}

	/**
	 * Why the interrupted migration of {@code row} cannot resume by itself, as the end of
	 * a sentence, or {@code null} if it can.
	 */
	static @Nullable String whyNot(AppliedMigration row, @Nullable Migration file) {
		if (file == null) {
			return "its file is gone, so Strata cannot tell what the statement was";
		}
		if (row.checksum() == null || row.checksum() != file.checksum()) {
			return "the file changed since that run (checksum " + row.checksum() + " in the history, " + file.checksum()
					+ " now), so Strata will not guess which statements of the new file ran";
		}
		List<SqlStatement> statements = statements(file);
		Integer inFlight = row.statementInFlight();
		if (statements == null || inFlight == null || inFlight != row.statementsRun() + 1
				|| inFlight > statements.size()) {
			return "the history row does not match the file's statements";
		}
		if (ResumableStatement.recognise(statements.get(inFlight - 1)) == null) {
			return "the catalog cannot tell whether that kind of statement completed";
		}
		return null;
	}

	/**
	 * The statement that was in flight, recognised, for a row {@link #canResume}
	 * accepted.
	 * @throws IllegalStateException if it cannot resume
	 */
	public static ResumableStatement inFlight(AppliedMigration row, List<SqlStatement> statements) {
		Integer inFlight = row.statementInFlight();
		ResumableStatement statement = (inFlight != null && inFlight >= 1 && inFlight <= statements.size())
				? ResumableStatement.recognise(statements.get(inFlight - 1)) : null;
		if (statement == null) {
			throw new IllegalStateException("Statement " + inFlight + " of " + row.script() + " cannot be resumed");
		}
		return statement;
	}

	static @Nullable List<SqlStatement> statements(Migration migration) {
		return SqlMigration.statementsOf(migration);
	}

}
