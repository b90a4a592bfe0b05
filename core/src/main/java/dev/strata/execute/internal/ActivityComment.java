package dev.strata.execute.internal;

import java.time.Instant;

import dev.strata.execute.LockActivity;
import org.jspecify.annotations.Nullable;

/**
 * The comment that starts every query on an advisory lock's session, which
 * {@code pg_stat_activity.query} shows to anyone looking: since when the lock is held
 * and, while a migration runs, what it applies, as in
 * {@code /* strata: migration lock held since 2026-…Z | applying V6 (add index) | version 6
 * | started 2026-…Z | line 3 | phase building index: scanning table | done 45% *}{@code /}.
 * Another process reads the holder's activity back from it without any table of its own:
 * the comment is as fresh as the last heartbeat or progress report.
 */
final class ActivityComment {

	static final String HELD_SINCE = "strata: migration lock held since ";

	private static final String SEPARATOR = " | ";

	private ActivityComment() {
	}

	/** The comment, with {@code activity} if a migration runs. */
	static String write(Instant heldSince, @Nullable LockActivity activity) {
		StringBuilder comment = new StringBuilder("/* ").append(HELD_SINCE).append(heldSince);
		if (activity != null) {
			field(comment, "applying", activity.migration());
			field(comment, "version", activity.version());
			field(comment, "started", activity.since().toString());
			field(comment, "line", (activity.line() != null) ? activity.line().toString() : null);
			field(comment, "phase", activity.phase());
			field(comment, "done", (activity.percentDone() != null) ? activity.percentDone() + "%" : null);
		}
		return comment.append(" */ ").toString();
	}

	private static void field(StringBuilder comment, String name, @Nullable String value) {
		if (value != null) {
			comment.append(SEPARATOR).append(name).append(' ').append(clean(value));
		}
	}

	/**
	 * Neither the separator nor the end of the comment may appear in a value, nor a line
	 * break that would make the query hard to read.
	 */
	private static String clean(String value) {
		StringBuilder out = new StringBuilder(value.length());
		for (char c : value.toCharArray()) {
			out.append((c < 32 || c == '|') ? ' ' : c);
		}
		return out.toString().replace("*/", "* /");
	}

	/** When the lock was taken, if {@code query} carries this comment. */
	static @Nullable Instant heldSince(@Nullable String query) {
		if (query == null || !query.startsWith("/* " + HELD_SINCE)) {
			return null;
		}
		int from = 3 + HELD_SINCE.length();
		int to = query.indexOf(' ', from);
		try {
			return Instant.parse(query.substring(from, (to < 0) ? query.length() : to));
		}
		catch (RuntimeException ex) {
			return null;
		}
	}

	/**
	 * The activity {@code query}'s comment carries, {@code null} if none (or not ours).
	 */
	static @Nullable LockActivity activity(@Nullable String query) {
		if (heldSince(query) == null) {
			return null;
		}
		int end = query.indexOf(" */");
		if (end < 0) {
			return null;
		}
		String migration = null;
		String version = null;
		Instant started = null;
		Integer line = null;
		String phase = null;
		Integer done = null;
		try {
			for (String field : query.substring(0, end).split(" \\| ")) {
				int space = field.indexOf(' ');
				if (space < 0) {
					continue;
				}
				String value = field.substring(space + 1);
				switch (field.substring(0, space)) {
					case "applying" -> migration = value;
					case "version" -> version = value;
					case "started" -> started = Instant.parse(value);
					case "line" -> line = Integer.valueOf(value);
					case "phase" -> phase = value;
					case "done" -> done = Integer.valueOf(value.substring(0, value.length() - 1));
					default -> {
					}
				}
			}
		}
		catch (RuntimeException ex) {
			return null;
		}
		return (migration != null && started != null) ? new LockActivity(migration, version, started, line, phase, done)
				: null;
	}

}
