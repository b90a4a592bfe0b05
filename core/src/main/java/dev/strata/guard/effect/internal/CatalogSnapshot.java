package dev.strata.guard.effect.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What the effect check compares: user relations, columns, types and enum values by OID
 * (so a rename is not a drop), each relation's file node and size, and the rows this
 * transaction deleted from each table so far.
 */
record CatalogSnapshot(Map<Long, Relation> relations, Map<String, String> columns, Map<Long, String> types,
		Map<Long, EnumValue> enumValues, Map<Long, Long> deletedRows) {

	private static final String USER_SCHEMA = "n.nspname <> 'information_schema' and n.nspname not like 'pg\\_%'";

	record Relation(String name, char kind, long fileNode, long bytes) {
	}

	record EnumValue(long type, String label) {
	}

	static CatalogSnapshot take(Connection connection) throws SQLException {
		Map<Long, Relation> relations = new HashMap<>();
		Map<String, String> columns = new HashMap<>();
		Map<Long, String> types = new HashMap<>();
		Map<Long, EnumValue> enumValues = new HashMap<>();
		Map<Long, Long> deletedRows = new HashMap<>();
		try (Statement statement = connection.createStatement()) {
			try (ResultSet rows = statement.executeQuery("select c.oid::bigint, format('%I.%I', n.nspname, c.relname),"
					+ " c.relkind, c.relfilenode::bigint, pg_relation_size(c.oid) from pg_class c join pg_namespace n"
					+ " on n.oid = c.relnamespace where c.relkind in ('r', 'p', 'm', 'S') and " + USER_SCHEMA
					// A sequence owned by a column goes with its table; only
					// free-standing ones count.
					+ " and not (c.relkind = 'S' and exists (select 1 from pg_depend d where d.classid ="
					+ " 'pg_class'::regclass and d.objid = c.oid and d.refclassid = 'pg_class'::regclass"
					+ " and d.deptype in ('a', 'i')))")) {
				while (rows.next()) {
					relations.put(rows.getLong(1), new Relation(rows.getString(2), rows.getString(3).charAt(0),
							rows.getLong(4), rows.getLong(5)));
				}
			}
			try (ResultSet rows = statement.executeQuery("select a.attrelid::bigint, a.attnum, a.attname from"
					+ " pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid ="
					+ " c.relnamespace where a.attnum > 0 and not a.attisdropped and c.relkind in ('r', 'p') and "
					+ USER_SCHEMA)) {
				while (rows.next()) {
					columns.put(rows.getLong(1) + "/" + rows.getInt(2), rows.getString(3));
				}
			}
			try (ResultSet rows = statement.executeQuery("select t.oid::bigint, format('%I.%I', n.nspname, t.typname)"
					+ " from pg_type t join pg_namespace n on n.oid = t.typnamespace left join pg_class c on c.oid ="
					+ " t.typrelid where (t.typtype in ('e', 'd', 'r', 'm') or (t.typtype = 'c' and c.relkind = 'c'))"
					+ " and " + USER_SCHEMA)) {
				while (rows.next()) {
					types.put(rows.getLong(1), rows.getString(2));
				}
			}
			try (ResultSet rows = statement
				.executeQuery("select oid::bigint, enumtypid::bigint, enumlabel from pg_enum")) {
				while (rows.next()) {
					enumValues.put(rows.getLong(1), new EnumValue(rows.getLong(2), rows.getString(3)));
				}
			}
			try (ResultSet rows = statement
				.executeQuery("select relid::bigint, n_tup_del from pg_stat_xact_user_tables where n_tup_del > 0")) {
				while (rows.next()) {
					deletedRows.put(rows.getLong(1), rows.getLong(2));
				}
			}
		}
		return new CatalogSnapshot(relations, columns, types, enumValues, deletedRows);
	}

}
