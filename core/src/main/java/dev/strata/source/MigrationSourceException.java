package dev.strata.source;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;

/**
 * A migration file that cannot be used: bad name, duplicate version, unreadable, not
 * UTF-8, bad directive. Always names the file and says what to do.
 */
public class MigrationSourceException extends StrataException {

	private final String file;

	private final String problem;

	private final String hint;

	public MigrationSourceException(String file, String problem, String hint) {
		this(file, problem, hint, null);
	}

	public MigrationSourceException(String file, String problem, String hint, Throwable cause) {
		super(ErrorCategory.VALIDATION, file + " " + problem + ". Fix: " + hint + ".", cause);
		this.file = file;
		this.problem = problem;
		this.hint = hint;
	}

	/**
	 * The file, as {@code classpath:db/migration/V1__init.sql}, with {@code :line} where
	 * known.
	 */
	public String file() {
		return this.file;
	}

	public String problem() {
		return this.problem;
	}

	public String hint() {
		return this.hint;
	}

}
