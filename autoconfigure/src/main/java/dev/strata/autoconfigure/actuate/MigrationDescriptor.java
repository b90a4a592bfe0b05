package dev.strata.autoconfigure.actuate;

import java.time.Instant;
import java.util.List;

import dev.strata.plan.MigrationState;
import dev.strata.plan.MigrationStatus;
import dev.strata.status.MigrationReview;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.OperationResponseBody;

/**
 * The body of {@code GET /actuator/migrations/{version}}: one migration with its
 * statements and the guard's findings.
 *
 * @param version the version
 * @param description the description
 * @param script the file
 * @param state its state
 * @param installedOn when it was applied, {@code null} if it was not
 * @param statements its statements with their lines; empty if the file is gone
 * @param error why the statements could not be listed
 * @param findings what the guard finds in it, judged by its text; empty if the file is
 * gone
 * @param guardError why the guard could not judge it
 */
public record MigrationDescriptor(@Nullable String version, String description, String script, MigrationState state,
		@Nullable Instant installedOn, List<Statement> statements, @Nullable String error,
		List<FindingDescriptor> findings, @Nullable String guardError) implements OperationResponseBody {

	static MigrationDescriptor of(MigrationStatus status, @Nullable MigrationReview review) {
		// The reviewer split the file once, for the guard and for this view; no file, no
		// review.
		List<Statement> statements = (review != null) ? review.statements()
			.stream()
			.map((statement) -> new Statement(statement.line(), statement.text()))
			.toList() : List.of();
		return new MigrationDescriptor(status.version(), status.description(), status.script(), status.state(),
				status.installedOn(), statements, (review != null) ? review.splitError() : null,
				(review != null) ? FindingDescriptor.of(review) : List.of(), (review != null) ? review.error() : null);
	}

	/**
	 * A statement of the migration.
	 *
	 * @param line where it starts in the file
	 * @param sql its text
	 */
	public record Statement(int line, String sql) {
	}

}
