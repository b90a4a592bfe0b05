package dev.strata.plan;

import java.util.List;

import dev.strata.history.AppliedMigration;
import dev.strata.source.MigrationFile;
import dev.strata.sql.SqlScript;
import dev.strata.sql.SqlStatement;
import org.jspecify.annotations.Nullable;

/** Turns a status that blocks migration into a problem with a fix: the wording lives here only. */
final class Problems {

	private static final int STATEMENT_PREVIEW = 80;

	private Problems() {
	}

	static @Nullable ValidationProblem of(MigrationStatus status) {
		String name = status.displayName();
		AppliedMigration row = status.applied();
		MigrationFile file = status.file();
		return switch (status.state()) {
			case CHECKSUM_MISMATCH -> new ValidationProblem(ValidationProblem.Kind.CHECKSUM_MISMATCH, name,
					"the file " + file.location() + " changed after it was applied (checksum " + row.checksum()
							+ " in the history, " + file.checksum() + " now)",
					"restore the file as it was applied and put the change into a new migration; if the edit was"
							+ " intentional and harmless (a comment), run the repair command to realign the checksum");
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

	private static ValidationProblem failed(String name, AppliedMigration row, @Nullable MigrationFile file) {
		StringBuilder detail = new StringBuilder("is recorded as failed");
		if (!row.transactional()) {
			detail.append(" outside a transaction after ")
				.append(row.statementsRun())
				.append(" of ")
				.append(row.statementsTotal())
				.append(" statements; the ones that ran are applied and stay applied");
			if (file != null) {
				appendStatements(detail, file, row.statementsRun());
			}
		}
		return new ValidationProblem(ValidationProblem.Kind.FAILED, name, detail.toString(),
				"finish or undo by hand what the statements that ran did (e.g. drop an INVALID index left by a"
						+ " failed CREATE INDEX CONCURRENTLY), fix the file, then run the repair command"
						+ " (strata.migrator.command=repair) to remove the failed entry");
	}

	private static void appendStatements(StringBuilder detail, MigrationFile file, int statementsRun) {
		List<SqlStatement> statements;
		try {
			statements = SqlScript.parse(file.location(), file.content()).statements();
		}
		catch (RuntimeException ex) {
			return;
		}
		for (int i = 0; i < statements.size(); i++) {
			SqlStatement statement = statements.get(i);
			detail.append("\n      ")
				.append((i < statementsRun) ? "ran:     " : (i == statementsRun) ? "failed:  " : "not run: ")
				.append("line ")
				.append(statement.line())
				.append(": ")
				.append(statement.abbreviated(STATEMENT_PREVIEW));
		}
	}

}
