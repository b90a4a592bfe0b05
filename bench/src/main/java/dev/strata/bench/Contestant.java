package dev.strata.bench;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.sql.DataSource;

/**
 * A migration tool under test: applies the corpus in a directory to a database, the way a
 * user of that tool would, and says how to count what it recorded.
 */
public interface Contestant {

	/** Short lower-case name used on the command line, in the CSV and in the report. */
	String name();

	/**
	 * What {@link #migrate} returns when the tool does not say how many migrations it
	 * applied.
	 */
	int UNKNOWN = -1;

	/**
	 * Applies every pending migration in {@code corpus}; returns how many it applied, or
	 * {@link #UNKNOWN}. The harness checks the history table afterwards either way.
	 */
	int migrate(DataSource dataSource, Path corpus) throws Exception;

	/**
	 * Waits for work the tool left running after {@link #migrate} returned (Strata stores
	 * its schema snapshot in the background, under its lock), so that it does not spill
	 * into the next trial. Timed apart: see the "apply-settled" series.
	 */
	default void settle() {
	}

	/** SQL returning one number: the successful migrations this tool has recorded. */
	String historyCountSql();

	/** The four contestants, in the order they are interleaved. */
	static List<Contestant> all() {
		return List.of(new StrataContestant(), new FlywayContestant(), new LiquibaseContestant(), new JdbcContestant());
	}

	static Contestant named(String name) {
		String wanted = name.toLowerCase(Locale.ROOT);
		return all().stream()
			.filter((contestant) -> contestant.name().equals(wanted))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException(
					"Unknown contestant '" + name + "' (strata, flyway, liquibase, jdbc)"));
	}

}
