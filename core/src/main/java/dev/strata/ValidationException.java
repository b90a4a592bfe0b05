package dev.strata;

import java.util.List;

import dev.strata.plan.ValidationProblem;

/** The migrations and the history disagree; lists every problem and how to fix it. */
public class ValidationException extends StrataException {

	private final List<ValidationProblem> problems;

	public ValidationException(String schema, List<ValidationProblem> problems) {
		super(ErrorCategory.VALIDATION, message(schema, problems));
		this.problems = List.copyOf(problems);
	}

	public List<ValidationProblem> problems() {
		return this.problems;
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
