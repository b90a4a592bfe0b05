package dev.strata;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import dev.strata.test.TestDatabase;

/** Small queries the tests use to look at the database the way a user would. */
final class Db {

	private Db() {
	}

	/** A Strata on the test database with the given locations and fast lock waits. */
	static Strata strata(TestDatabase db, String... locations) {
		return strata(db, (builder) -> builder.locations(locations));
	}

	static Strata strata(TestDatabase db, Consumer<StrataConfig.Builder> customizer) {
		StrataConfig.Builder builder = StrataConfig.builder(db.dataSource()).lockWaitTimeout(Duration.ofSeconds(60));
		customizer.accept(builder);
		return new Strata(builder.build());
	}

	/** The first column of every row, as text (null stays null). */
	static List<String> column(TestDatabase db, String sql) {
		List<String> values = new ArrayList<>();
		try (Connection connection = db.connect();
				Statement statement = connection.createStatement();
				ResultSet rs = statement.executeQuery(sql)) {
			while (rs.next()) {
				values.add(rs.getString(1));
			}
		}
		catch (SQLException ex) {
			throw new IllegalStateException(sql, ex);
		}
		return values;
	}

	static boolean tableExists(TestDatabase db, String qualifiedName) {
		return db.queryForObject("select to_regclass('" + qualifiedName + "') is not null", Boolean.class);
	}

	/**
	 * Rows of the default history table as {@code version|type|success}, in rank order.
	 */
	static List<String> history(TestDatabase db) {
		return history(db, "public");
	}

	static List<String> history(TestDatabase db, String schema) {
		if (!tableExists(db, schema + ".strata_schema_history")) {
			return List.of();
		}
		return column(db, "select coalesce(version, 'R:' || description) || '|' || type || '|' || success from "
				+ schema + ".strata_schema_history order by installed_rank");
	}

	static long count(TestDatabase db, String sql) {
		return db.queryForObject(sql, Long.class);
	}

}
