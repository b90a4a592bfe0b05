package dev.strata;

import java.util.List;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import dev.strata.plan.ValidationProblem;
import org.jspecify.annotations.Nullable;

/** The migrations and the history disagree; lists every problem and how to fix it. */
public class ValidationException extends StrataException {

	private final String schema;

	private final List<ValidationProblem> problems;

	private final transient @Nullable StatusResult status;

	public ValidationException(String schema, List<ValidationProblem> problems) {
		this(schema, problems, null);
	}

	/**
	 * @param status the status that showed the problems, when there is one
	 */
	public ValidationException(String schema, List<ValidationProblem> problems, @Nullable StatusResult status) {
		super(ErrorCategory.VALIDATION, message(schema, problems));
		this.schema = schema;
		this.problems = List.copyOf(problems);
		this.status = status;
	}

	/** The schema whose history was validated. */
	public String schema() {
		return this.schema;
	}

	public List<ValidationProblem> problems() {
		return this.problems;
	}

	/**
	 * The state of every migration, when validation read it ({@link Strata#validate()});
	 * else {@code null}.
	 */
	public @Nullable StatusResult status() {
		return this.status;
	}

	private static String message(String schema, List<ValidationProblem> problems) {
		StringBuilder message = new StringBuilder("Validation of schema \"").append(schema)
			.append("\" failed with ")
			.append(problems.size())
			.append((problems.size() == 1) ? " problem" : " problems")
			.append("; nothing was applied:");
		for (ValidationProblem problem : problems) {
			message.append("\n  - ").append(problem.describe());
		}
		return message.toString();
	}

}
