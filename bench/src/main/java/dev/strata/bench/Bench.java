package dev.strata.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;

import javax.sql.DataSource;

import ch.qos.logback.classic.Logger;
import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.LoggerFactory;

/** Small helpers shared by the harness and its child JVMs. */
final class Bench {

	private Bench() {
	}

	/**
	 * Tools log at WARN and Liquibase sends no analytics. The harness measures the tools'
	 * work, not console output; the start-up scenario keeps Spring Boot's default logging
	 * instead.
	 */
	static void quietTools() {
		System.setProperty("liquibase.analytics.enabled", "false");
		System.setProperty("liquibase.showBanner", "false");
		if (LoggerFactory.getILoggerFactory() instanceof ch.qos.logback.classic.LoggerContext) {
			((Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
				.setLevel(ch.qos.logback.classic.Level.WARN);
		}
		java.util.logging.Logger.getLogger("").setLevel(Level.WARNING);
		java.util.logging.Logger.getLogger("liquibase").setLevel(Level.WARNING);
	}

	static DataSource dataSource(String url, String user, String password) {
		PGSimpleDataSource dataSource = new PGSimpleDataSource();
		dataSource.setUrl(url);
		dataSource.setUser(user);
		dataSource.setPassword(password);
		return dataSource;
	}

	static long queryLong(DataSource dataSource, String sql) {
		try (Connection connection = dataSource.getConnection();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
		catch (SQLException ex) {
			throw new VerificationException("Could not run the check '" + sql + "': " + ex.getMessage(), ex);
		}
	}

	/**
	 * Fails loudly unless the database holds exactly the work of N applied migrations: N
	 * history rows in the contestant's own table and the N tables the corpus creates.
	 */
	static void verifyApplied(Contestant contestant, DataSource dataSource, int n, String what) {
		long history = queryLong(dataSource, contestant.historyCountSql());
		long tables = queryLong(dataSource,
				"SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tablename LIKE '"
						+ Corpus.TABLE_PATTERN + "'");
		if (history != n || tables != n) {
			throw new VerificationException(
					what + ": " + contestant.name() + " should have recorded " + n + " migrations and built " + n
							+ " tables, but its history has " + history + " rows and " + tables + " tables exist");
		}
	}

	/**
	 * Fails loudly when a contestant says it applied a different number than expected.
	 */
	static void verifyReported(Contestant contestant, int reported, int expected, String what) {
		if (reported != Contestant.UNKNOWN && reported != expected) {
			throw new VerificationException(
					what + ": " + contestant.name() + " applied " + reported + " migrations, expected " + expected);
		}
	}

	/**
	 * The sum of the heap pools' peak usage since the JVM started (garbage not yet
	 * collected included).
	 */
	static long heapPeakBytes() {
		long peak = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP) {
				peak += pool.getPeakUsage().getUsed();
			}
		}
		return peak;
	}

	/** Heap still in use after a full collection. */
	static long heapLiveBytes() {
		System.gc();
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** The median of the values (of the two middle ones for an even count). */
	static double median(List<Double> values) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		int middle = sorted.size() / 2;
		return (sorted.size() % 2 == 1) ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
	}

	/** Milliseconds since {@code start}, a {@link System#nanoTime()}. */
	static double millis(long start) {
		return (System.nanoTime() - start) / 1e6;
	}

	/** A check after a trial failed: the numbers of that run cannot be trusted. */
	static final class VerificationException extends RuntimeException {

		VerificationException(String message) {
			super(message);
		}

		VerificationException(String message, Throwable cause) {
			super(message, cause);
		}

	}

}
