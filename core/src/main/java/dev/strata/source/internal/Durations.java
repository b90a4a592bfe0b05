package dev.strata.source.internal;

import java.time.Duration;
import java.time.format.DateTimeParseException;

/**
 * Parses durations the way Spring Boot properties accept them: {@code 500ms},
 * {@code 30s}, {@code 10m}, {@code 2h}, {@code 1d}, a bare number of milliseconds, or
 * ISO-8601 ({@code PT10S}).
 */
public final class Durations {

	private Durations() {
	}

	public static Duration parse(String text) {
		String value = text.trim().toLowerCase(java.util.Locale.ROOT);
		if (value.startsWith("p") || value.startsWith("-p")) {
			try {
				return Duration.parse(value.toUpperCase(java.util.Locale.ROOT));
			}
			catch (DateTimeParseException ex) {
				throw new IllegalArgumentException("invalid duration '" + text + "'", ex);
			}
		}
		int unitStart = 0;
		while (unitStart < value.length() && Character.isDigit(value.charAt(unitStart))) {
			unitStart++;
		}
		if (unitStart == 0) {
			throw new IllegalArgumentException("invalid duration '" + text + "'");
		}
		long amount = Long.parseLong(value.substring(0, unitStart));
		return switch (value.substring(unitStart)) {
			case "", "ms" -> Duration.ofMillis(amount);
			case "s" -> Duration.ofSeconds(amount);
			case "m", "min" -> Duration.ofMinutes(amount);
			case "h" -> Duration.ofHours(amount);
			case "d" -> Duration.ofDays(amount);
			default -> throw new IllegalArgumentException("invalid duration unit in '" + text + "'");
		};
	}

	/**
	 * The duration as PostgreSQL accepts it for {@code lock_timeout} and
	 * {@code statement_timeout}.
	 */
	public static String toPostgres(Duration duration) {
		return duration.toMillis() + "ms";
	}

}
