package dev.strata.history.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;

import dev.strata.history.HistoryType;
import org.jspecify.annotations.Nullable;

/**
 * Flyway's history table, read to adopt it: its rows as Flyway wrote them, and the insert
 * that records them in Strata's history with Flyway's installed by, installed on and
 * execution time. Flyway's table is only ever read.
 */
public final class FlywayHistory {

	private FlywayHistory() {
	}

	/**
	 * Flyway's rows in the order Flyway wrote them.
	 * @param table Flyway's history table in {@code schema}
	 */
	public static List<Row> read(Connection connection, String schema, String table) throws SQLException {
		List<Row> rows = new ArrayList<>();
		try (Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery("select installed_rank, version, description, type, script,"
						+ " checksum, installed_by, installed_on::text, execution_time, success from "
						+ Identifiers.quote(schema) + "." + Identifiers.quote(table) + " order by installed_rank")) {
			while (rs.next()) {
				int checksum = rs.getInt(6);
				Integer nullableChecksum = rs.wasNull() ? null : checksum;
				rows.add(new Row(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
						nullableChecksum, rs.getString(7), rs.getString(8), rs.getInt(9), rs.getBoolean(10)));
			}
		}
		return rows;
	}

	/**
	 * Writes the adopted rows into Strata's (new, empty) history, in order, and signs
	 * them as Strata's own.
	 */
	public static void record(SchemaHistory history, Connection connection, List<Adopted> rows) throws SQLException {
		try (PreparedStatement statement = connection.prepareStatement("insert into " + history.qualifiedName()
				+ " (installed_rank, version, description, type, script, checksum, installed_by, installed_on,"
				+ " execution_time_ms, success, transactional, statements_run, statements_total)"
				+ " values (?, ?, ?, ?, ?, ?, ?, ?::timestamp, ?, true, true, 0, 0)")) {
			int rank = 0;
			for (Adopted row : rows) {
				statement.setInt(1, ++rank);
				statement.setString(2, row.version());
				statement.setString(3, row.description());
				statement.setString(4, row.type().name());
				statement.setString(5, row.script());
				if (row.checksum() != null) {
					statement.setInt(6, row.checksum());
				}
				else {
					statement.setNull(6, Types.INTEGER);
				}
				statement.setString(7, row.installedBy());
				statement.setString(8, row.installedOn());
				statement.setInt(9, row.executionTimeMs());
				statement.addBatch();
			}
			statement.executeBatch();
		}
		history.signAll();
	}

	/**
	 * One row of Flyway's history, as Flyway wrote it.
	 *
	 * @param installedRank Flyway's order
	 * @param version the version, {@code null} for a repeatable migration (and for a
	 * schema Flyway created)
	 * @param description the description
	 * @param type Flyway's type: {@code SQL}, {@code JDBC}, {@code SPRING_JDBC},
	 * {@code BASELINE}, {@code SCHEMA}, …
	 * @param script the file, relative to its location, or the class of a Java migration
	 * @param checksum Flyway's checksum, {@code null} for a Java migration or a baseline
	 * @param installedBy who applied it
	 * @param installedOn when, as PostgreSQL prints Flyway's timestamp
	 * @param executionTime how long it took, in milliseconds
	 * @param success whether it succeeded
	 */
	public record Row(int installedRank, @Nullable String version, String description, String type, String script,
			@Nullable Integer checksum, String installedBy, String installedOn, int executionTime, boolean success) {

		public boolean repeatable() {
			return this.version == null;
		}

	}

	/**
	 * A row as Strata records it.
	 *
	 * @param version the version, {@code null} for a repeatable migration
	 * @param description the description
	 * @param type Strata's type
	 * @param script the file or class
	 * @param checksum Strata's checksum of the file, {@code null} when there is none to
	 * compare (a baseline, a Java migration)
	 * @param installedBy from Flyway's row
	 * @param installedOn from Flyway's row
	 * @param executionTimeMs from Flyway's row
	 */
	public record Adopted(@Nullable String version, String description, HistoryType type, String script,
			@Nullable Integer checksum, String installedBy, String installedOn, int executionTimeMs) {
	}

}
