package dev.strata.maven;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

import dev.strata.source.Version;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.jspecify.annotations.Nullable;

/**
 * {@code strata:new}: writes the next migration file into the first location, named from
 * {@code -Dname="add email to customers"}: {@code V<next>__add_email_to_customers.sql},
 * with a header comment. It never overwrites a file.
 */
@Mojo(name = "new", threadSafe = true)
public class NewMigrationMojo extends AbstractStrataMojo {

	/** What the migration does, in words; becomes the file's description. */
	@Parameter(property = "name")
	@Nullable String name;

	/**
	 * {@code next} (the version after the highest, in its style) or {@code timestamp}
	 * ({@code yyyyMMddHHmmss}, UTC).
	 */
	@Parameter(property = "strata.versionStyle", defaultValue = "next")
	String versionStyle = "next";

	@Override
	public void execute() throws MojoExecutionException, MojoFailureException {
		if (this.skip) {
			getLog().info("Skipping strata:new (strata.skip)");
			return;
		}
		if (this.name == null || this.name.isBlank()) {
			throw new MojoFailureException("strata:new needs the migration's name: -Dname=\"add email to customers\"");
		}
		Path directory = projectLocations().firstDirectory();
		try {
			Optional<String> highest = NextMigration.highestVersion(directory);
			String version = version(highest);
			String fileName = NextMigration.fileName(version, NextMigration.description(this.name));
			Path file = directory.resolve(fileName);
			Files.createDirectories(directory);
			Files.writeString(file, header(this.name.trim()), StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
			getLog().info("Created " + file);
		}
		catch (FileAlreadyExistsException ex) {
			throw new MojoFailureException("strata:new does not overwrite " + ex.getFile() + "; give another name");
		}
		catch (IllegalArgumentException ex) {
			throw new MojoFailureException("strata:new: " + ex.getMessage(), ex);
		}
		catch (IOException ex) {
			throw new MojoExecutionException("strata:new cannot write into " + directory + ": " + ex, ex);
		}
	}

	private String version(Optional<String> highest) throws MojoFailureException {
		String style = this.versionStyle.trim().toLowerCase(Locale.ROOT);
		if (style.equals("next")) {
			return NextMigration.versionAfter(highest);
		}
		if (!style.equals("timestamp")) {
			throw new MojoFailureException(
					"strata.versionStyle=" + this.versionStyle + " is neither next nor timestamp");
		}
		String timestamp = NextMigration.timestamp(Instant.now());
		if (highest.isPresent() && Version.parse(highest.get()).compareTo(Version.parse(timestamp)) >= 0) {
			// migrate would refuse it as out of order once the higher one is applied
			throw new MojoFailureException("strata:new: the timestamp " + timestamp
					+ " is not above the highest version, " + highest.get() + "; use -Dstrata.versionStyle=next");
		}
		return timestamp;
	}

	private static String header(String name) {
		return "-- " + name + "\n" //
				+ "--\n" //
				+ "-- Strata's guard judges each statement (mvn strata:lint). To let one it refuses run, say why\n"
				+ "-- in a directive above it, e.g.: -- strata:allow drop-column reason=\"unused since V41\"\n\n";
	}

}
