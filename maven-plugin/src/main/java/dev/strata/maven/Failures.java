package dev.strata.maven;

import dev.strata.error.ErrorCategory;
import dev.strata.error.StrataException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.jspecify.annotations.Nullable;

/**
 * A failed command as Maven reports it. The category is the one the migrator turns into
 * its exit code (docs/migrator.md), named in the message so that a CI log says the same
 * as the migrator would. What the project's files or database hold (refused, invalid,
 * failed, drifted, locked) fails the build ({@link MojoFailureException}); a
 * configuration Strata cannot work with, or an unexpected error, is an error in running
 * the goal ({@link MojoExecutionException}).
 */
final class Failures {

	private Failures() {
	}

	/**
	 * Throws the exception Maven reports {@code ex} with.
	 * @return the build failure, for the caller to throw; a configuration or unexpected
	 * error is thrown here as {@link MojoExecutionException}
	 */
	static MojoFailureException of(String goal, StrataException ex) throws MojoExecutionException {
		String message = "strata:" + goal + " failed (" + ex.category() + "): " + ex.getMessage();
		if (ex.category() == ErrorCategory.CONFIGURATION || ex.category() == ErrorCategory.UNEXPECTED) {
			throw new MojoExecutionException(message, ex);
		}
		return new MojoFailureException(message, ex);
	}

	/** A setting the goal cannot work with: {@code CONFIGURATION}. */
	static MojoExecutionException configuration(String goal, @Nullable String message) {
		return new MojoExecutionException(
				"strata:" + goal + " failed (" + ErrorCategory.CONFIGURATION + "): " + message);
	}

	/** Something that is not Strata's, while the goal ran: {@code UNEXPECTED}. */
	static MojoExecutionException unexpected(String goal, RuntimeException ex) {
		return new MojoExecutionException("strata:" + goal + " failed (" + ErrorCategory.UNEXPECTED + "): " + ex, ex);
	}

}
