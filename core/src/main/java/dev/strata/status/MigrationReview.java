package dev.strata.status;

import java.util.List;

import dev.strata.guard.Assessment;
import dev.strata.sql.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * What the guard says about one migration file, judged by its text alone (no table
 * sizes).
 *
 * @param assessments each finding with the outcome {@code migrate} would give it, in
 * statement order
 * @param warnings directive warnings (an allow that allows nothing)
 * @param skipped whether the file is at or below {@code strata.guard.baseline-version}
 * and not checked
 * @param error why the file could not be judged (a syntax error, an unknown rule in a
 * directive), else {@code null}
 * @param statements the file's statements, split once for the guard and the status views
 * alike; empty if it could not be split
 * @param splitError why it could not be split (a syntax error), else {@code null}
 */
public record MigrationReview(List<Assessment> assessments, List<String> warnings, boolean skipped,
		@Nullable String error, List<SqlStatement> statements, @Nullable String splitError) {

	public MigrationReview {
		assessments = List.copyOf(assessments);
		warnings = List.copyOf(warnings);
		statements = List.copyOf(statements);
	}

}
