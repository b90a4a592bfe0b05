package dev.strata.guard.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import dev.strata.guard.TableSize;
import dev.strata.guard.TableSizes;

/**
 * Table sizes from the live database's statistics: {@code pg_class.reltuples} and
 * {@code pg_relation_size}, looked up once per table. Cheap: no table is scanned.
 */
public final class LiveTableSizes implements TableSizes {

	/**
	 * A rough row width to estimate rows of a table that was never analysed (reltuples =
	 * -1).
	 */
	private static final long ESTIMATED_ROW_BYTES = 100;

	private static final String QUERY = "select c.reltuples::bigint, pg_relation_size(c.oid) from pg_class c"
			+ " where c.oid = to_regclass(?) and c.relkind in ('r', 'p', 'm')";

	private final Connection connection;

	private final Map<String, @Nullable TableSize> cache = new HashMap<>();

	public LiveTableSizes(Connection connection) {
		this.connection = connection;
	}

	@Override
	public @Nullable TableSize of(String table) {
		if (this.cache.containsKey(table)) {
			return this.cache.get(table);
		}
		TableSize size = query(table);
		this.cache.put(table, size);
		return size;
	}

	private @Nullable TableSize query(String table) {
		try (PreparedStatement statement = this.connection.prepareStatement(QUERY)) {
			statement.setString(1, table);
			try (ResultSet result = statement.executeQuery()) {
				if (!result.next()) {
					return null;
				}
				long tuples = result.getLong(1);
				long bytes = result.getLong(2);
				boolean analysed = tuples >= 0;
				return new TableSize(table, analysed ? tuples : bytes / ESTIMATED_ROW_BYTES, bytes, analysed);
			}
		}
		catch (SQLException ex) {
			// to_regclass fails on names it cannot parse; the size is then simply
			// unknown.
			return null;
		}
	}

}
