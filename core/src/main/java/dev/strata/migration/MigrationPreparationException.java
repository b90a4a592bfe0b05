package dev.strata.migration;

import java.util.List;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;

/** One or more pending migrations cannot run; nothing was applied. */
public class MigrationPreparationException extends StrataException {

	private final List<String> errors;

	public MigrationPreparationException(List<String> errors) {
		super(ErrorCategory.VALIDATION, message(errors));
		this.errors = List.copyOf(errors);
	}

	/** One message per file. */
	public List<String> errors() {
		return this.errors;
	}

	private static String message(List<String> errors) {
		StringBuilder message = new StringBuilder();
		message.append(errors.size() == 1 ? "A pending migration cannot run"
				: errors.size() + " pending migrations cannot run")
			.append("; nothing was applied:");
		for (String error : errors) {
			message.append("\n  - ").append(error);
		}
		return message.toString();
	}

}
