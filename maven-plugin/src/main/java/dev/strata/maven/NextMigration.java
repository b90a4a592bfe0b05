package dev.strata.maven;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import dev.strata.source.Version;

/**
 * The name of the next migration file. The next version adds one to the last part of the
 * highest version and keeps how it is written: {@code V001} is followed by {@code V002},
 * {@code V1.2} by {@code V1.3}, {@code V2_9} by {@code V2_10}; an empty directory starts
 * at {@code V1}. The timestamp style is {@code yyyyMMddHHmmss} in UTC, for teams whose
 * branches would otherwise take the same number.
 */
final class NextMigration {

	private static final Pattern VERSIONED = Pattern.compile("V([0-9]+(?:[._][0-9]+)*)__.+\\.sql");

	private static final Pattern LAST_PART = Pattern.compile("([0-9]+)$");

	private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ofPattern("yyyyMMddHHmmss")
		.withZone(ZoneOffset.UTC);

	private NextMigration() {
	}

	/** The highest version in the directory, as written in its file name. */
	static Optional<String> highestVersion(Path directory) throws IOException {
		if (!Files.isDirectory(directory)) {
			return Optional.empty();
		}
		try (Stream<Path> files = Files.list(directory)) {
			return files.map((file) -> VERSIONED.matcher(file.getFileName().toString()))
				.filter(Matcher::matches)
				.map((matcher) -> matcher.group(1))
				.max(Comparator.comparing(Version::parse));
		}
	}

	/** The version after {@code highest}, written in its style; {@code 1} after none. */
	static String versionAfter(Optional<String> highest) {
		if (highest.isEmpty()) {
			return "1";
		}
		String version = highest.get();
		Matcher last = LAST_PART.matcher(version);
		if (!last.find()) {
			throw new IllegalArgumentException("version '" + version + "' does not end with a number");
		}
		String digits = last.group(1);
		String next = new BigInteger(digits).add(BigInteger.ONE).toString();
		String padded = "0".repeat(Math.max(0, digits.length() - next.length())) + next;
		return version.substring(0, last.start()) + padded;
	}

	static String timestamp(Instant now) {
		return TIMESTAMP.format(now);
	}

	/** {@code add email to customers} becomes {@code add_email_to_customers}. */
	static String description(String name) {
		String description = name.trim().replaceAll("[^\\p{L}\\p{N}]+", "_").replaceAll("^_+|_+$", "");
		if (description.isEmpty()) {
			throw new IllegalArgumentException("the name '" + name + "' has no letter or digit to describe the"
					+ " migration; give one such as -Dname=\"add email to customers\"");
		}
		return description;
	}

	static String fileName(String version, String description) {
		return "V" + version + "__" + description + ".sql";
	}

}
