package dev.strata.plan.internal;

import java.util.List;

import dev.strata.history.AppliedMigration;
import dev.strata.migration.Migration;
import dev.strata.migration.sql.internal.SqlChecksum;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.sql.SqlScript;
import dev.strata.sql.SqlStatement;
import org.jspecify.annotations.Nullable;
import dev.strata.plan.MigrationStatus;
import dev.strata.plan.ValidationProblem;

/**
 * Turns a status that blocks migration into a problem with a fix: the wording lives here
 * only.
 */
final class Problems {

	private static final int STATEMENT_PREVIEW = 80;

	private Problems() {
	}

	static @Nullable ValidationProblem of(MigrationStatus status) {
		String name = status.displayName();
		AppliedMigration row = status.applied();
		Migration file = status.migration();
		return switch (status.state()) {
			case CHECKSUM_MISMATCH -> checksumMismatch(name, row, file);
			case DESCRIPTION_MISMATCH -> new ValidationProblem(ValidationProblem.Kind.DESCRIPTION_MISMATCH, name,
					"the file was renamed after it was applied (recorded as '" + row.description() + "')",
					"rename it back, or run the repair command to record the new description");
			case MISSING -> new ValidationProblem(ValidationProblem.Kind.MISSING, name,
					"was applied (" + row.script() + ") but no file has it any more",
					"restore the file; a migration that ran must stay in the build");
			case IGNORED -> new ValidationProblem(ValidationProblem.Kind.OUT_OF_ORDER, name,
					"is pending but older than the current version, so it would run out of order",
					"give it a version above the current one, or set strata.out-of-order=true to apply it anyway");
			case FAILED -> failed(name, row, file);
			default -> null;
		};
	}

	private static ValidationProblem checksumMismatch(String name, AppliedMigration row, Migration file) {
		String checksums = " (checksum " + row.checksum() + " in the history, " + file.checksum() + " now)";
		if (sameSql(row, file)) {
			return new ValidationProblem(ValidationProblem.Kind.CHECKSUM_MISMATCH, name,
					"the file " + file.location()
							+ " changed after it was applied, but only in comments, whitespace or keyword case: the SQL"
							+ " PostgreSQL runs is the same" + checksums,
					"harmless: run the repair command to realign the checksum, or restore the file");
		}
		if (!file.kind().isSql()) {
			return new ValidationProblem(ValidationProblem.Kind.CHECKSUM_MISMATCH, name,
					"the checksum " + file.location() + " declares changed after it was applied" + checksums,
					"restore the migration as it was applied (or its checksum, if it does the same) and put the change"
							+ " into a new migration");
		}
		return new ValidationProblem(ValidationProblem.Kind.CHECKSUM_MISMATCH, name,
				"the SQL of " + file.location() + " changed after it was applied" + checksums,
				"restore the file as it was applied and put the change into a new migration: the database still has"
						+ " what the old file did");
	}

	/**
	 * Whether the file's SQL, without comments and whitespace, is what was applied (known
	 * for rows that record it).
	 */
	private static boolean sameSql(AppliedMigration row, Migration file) {
		if (row.sqlChecksum() == null) {
			return false;
		}
		// A file that no longer splits has certainly changed its SQL.
		List<SqlStatement> statements = SqlMigration.statementsOf(file);
		return statements != null && row.sqlChecksum() == SqlChecksum.of(statements);
	}

	/**
	 * A row whose signature no longer matches its columns: someone changed the history by
	 * hand.
	 */
	/**
	 * The undo file of an applied migration is not the one recorded when it was applied:
	 * the undo reviewed with the release would not be the one that runs.
	 */
	static ValidationProblem undoChanged(AppliedMigration row, Migration file) {
		Migration undo = file.undo();
		String detail = (undo != null)
				? "its undo file " + undo.location() + " changed after the migration was applied (checksum "
						+ row.undoChecksum() + " in the history, " + undo.checksum() + " now)"
				: "its undo file (checksum " + row.undoChecksum() + " in the history) was removed after the migration"
						+ " was applied";
		return new ValidationProblem(ValidationProblem.Kind.UNDO_CHECKSUM_MISMATCH, file.displayName(), detail,
				"restore the undo file as it was, or, once the new one is reviewed, run the repair command to record"
						+ " it");
	}

	static ValidationProblem edited(AppliedMigration row) {
		String name = row.displayName();
		return new ValidationProblem(ValidationProblem.Kind.HISTORY_EDITED, name,
				"its history row (installed_rank " + row.installedRank() + ") was changed outside Strata: it no longer"
						+ " matches the signature Strata wrote with it",
				"find out who changed it and why; restore the row, or, once reviewed, run the repair command"
						+ " (strata.migrator.command=repair) to sign the rows again as they are");
	}

	private static ValidationProblem failed(String name, AppliedMigration row, @Nullable Migration file) {
		if (row.interrupted()) {
			return interrupted(name, row, file);
		}
		StringBuilder detail = new StringBuilder("is recorded as failed");
		if (!row.transactional()) {
			detail.append(" outside a transaction after ")
				.append(row.statementsRun())
				.append(" of ")
				.append(row.statementsTotal())
				.append(" statements; the ones that ran are applied and stay applied");
			if (file != null) {
				appendStatements(detail, file, row.statementsRun(), "failed:");
			}
		}
		return new ValidationProblem(ValidationProblem.Kind.FAILED, name, detail.toString(),
				"finish or undo by hand what the statements that ran did (e.g. drop an INVALID index left by a"
						+ " failed CREATE INDEX CONCURRENTLY: it is not undone by the server), fix the file, then run"
						+ " the repair command (strata.migrator.command=repair) to remove the failed entry");
	}

	/**
	 * A run stopped with a statement in flight that Strata cannot resume: say exactly
	 * which statements certainly ran, which one may or may not have, and which did not.
	 */
	private static ValidationProblem interrupted(String name, AppliedMigration row, @Nullable Migration file) {
		int inFlight = row.statementInFlight();
		StringBuilder detail = new StringBuilder(
				"was interrupted outside a transaction (process killed or connection" + " lost) while statement ")
			.append(inFlight)
			.append(" of ")
			.append(row.statementsTotal())
			.append(" was in flight: statements 1 to ")
			.append(row.statementsRun())
			.append(" certainly ran and stay applied; whether statement ")
			.append(inFlight)
			.append(" completed is unknown, and Strata cannot resume by itself because ")
			.append(Resumability.whyNot(row, file));
		if (row.statementsRun() == 0) {
			detail.replace(detail.indexOf("statements 1 to 0 certainly ran and stay applied; "),
					detail.indexOf("whether statement"), "no statement certainly ran; ");
		}
		if (file != null) {
			appendStatements(detail, file, row.statementsRun(), "in flight:");
		}
		return new ValidationProblem(ValidationProblem.Kind.FAILED, name, detail.toString(),
				"check in the database whether statement " + inFlight + " took effect (its rows, objects or"
						+ " settings), finish or undo by hand what the statements that ran did, then run the repair"
						+ " command (strata.migrator.command=repair) to remove the entry; the next migrate runs the"
						+ " whole file again, so make every statement of it safe to run twice (IF NOT EXISTS, …) or"
						+ " move what ran into a migration of its own");
	}

	private static String pad(String label, int longest) {
		return label + " ".repeat(Math.max(longest, "not run:".length()) + 1 - label.length());
	}

	private static void appendStatements(StringBuilder detail, Migration file, int statementsRun, String stopped) {
		List<SqlStatement> statements = SqlMigration.statementsOf(file);
		if (statements == null) {
			return;
		}
		for (int i = 0; i < statements.size(); i++) {
			SqlStatement statement = statements.get(i);
			detail.append("\n      ")
				.append(pad((i < statementsRun) ? "ran:" : (i == statementsRun) ? stopped : "not run:",
						stopped.length()))
				.append("line ")
				.append(statement.line())
				.append(": ")
				.append(statement.abbreviated(STATEMENT_PREVIEW));
		}
	}

}
