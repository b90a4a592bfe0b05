package dev.strata.archive.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

/** The catalog queries archiving and restoring need, on one connection. */
final class Catalog {

	private final Connection connection;

	Catalog(Connection connection) {
		this.connection = connection;
	}

	/** A relation as the catalog names it. */
	record Relation(long oid, String schema, String name, char kind) {

		String qualified() {
			return Sql.qualified(this.schema, this.name);
		}

	}

	/** The relation a name as written in SQL finds on the search path, if any. */
	@Nullable Relation resolve(String written) throws SQLException {
		return relation("c.oid = to_regclass(?)", written);
	}

	/** The relation {@code schema.name}, if it exists. */
	@Nullable Relation find(String schema, String name) throws SQLException {
		return relation("c.oid = to_regclass(?)", Sql.qualified(schema, name));
	}

	boolean exists(String schema, String name) throws SQLException {
		return find(schema, name) != null;
	}

	boolean schemaExists(String schema) throws SQLException {
		return !strings("select nspname from pg_namespace where nspname = ?", schema).isEmpty();
	}

	private @Nullable Relation relation(String condition, String argument) throws SQLException {
		try (PreparedStatement statement = this.connection
			.prepareStatement("select c.oid, n.nspname, c.relname, c.relkind from pg_class c"
					+ " join pg_namespace n on n.oid = c.relnamespace where " + condition)) {
			statement.setString(1, argument);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next()
						? new Relation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4).charAt(0))
						: null;
			}
		}
	}

	/** The tables of a schema (partitions aside), plain and partitioned. */
	List<Relation> tablesIn(String schema) throws SQLException {
		List<Relation> tables = new ArrayList<>();
		try (PreparedStatement statement = this.connection
			.prepareStatement("select c.oid, n.nspname, c.relname, c.relkind from pg_class c"
					+ " join pg_namespace n on n.oid = c.relnamespace where n.nspname = ?"
					+ " and c.relkind in ('r', 'p') and not c.relispartition order by c.relname")) {
			statement.setString(1, schema);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					tables
						.add(new Relation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4).charAt(0)));
				}
			}
		}
		return tables;
	}

	/** The primary key's columns in key order, empty when there is none. */
	List<String> primaryKey(long table) throws SQLException {
		return strings("select a.attname from pg_index i join pg_attribute a on a.attrelid = i.indrelid"
				+ " and a.attnum = any(i.indkey) where i.indrelid = ?::oid and i.indisprimary"
				+ " order by array_position(i.indkey::int2[], a.attnum)", table);
	}

	/** The columns a row can be written to (not dropped, not generated), in order. */
	List<String> writableColumns(long table) throws SQLException {
		return strings("select attname from pg_attribute where attrelid = ?::oid and attnum > 0"
				+ " and not attisdropped and attgenerated = '' order by attnum", table);
	}

	/** Every column, in order. */
	List<String> columns(long table) throws SQLException {
		return strings("select attname from pg_attribute where attrelid = ?::oid and attnum > 0"
				+ " and not attisdropped order by attnum", table);
	}

	/** A column's type as SQL ({@code character varying(20)}), {@code null} if none. */
	@Nullable String columnType(long table, String column) throws SQLException {
		List<String> types = strings("select format_type(atttypid, atttypmod) from pg_attribute where attrelid = ?::oid"
				+ " and attname = ? and attnum > 0 and not attisdropped", table, column);
		return types.isEmpty() ? null : types.get(0);
	}

	/** The indexes and owned sequences that move with a table: name and kind. */
	List<String[]> movingWith(long table) throws SQLException {
		List<String[]> relations = new ArrayList<>();
		try (PreparedStatement statement = this.connection
			.prepareStatement("select c.relname, c.relkind from pg_class c where c.oid in (select indexrelid from"
					+ " pg_index where indrelid = ?::oid) or c.oid in (select d.objid from pg_depend d where"
					+ " d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass"
					+ " and d.refobjid = ?::oid and d.deptype in ('a', 'i')) and c.relkind = 'S'")) {
			statement.setLong(1, table);
			statement.setLong(2, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					relations.add(new String[] { rs.getString(1), rs.getString(2) });
				}
			}
		}
		return relations;
	}

	/**
	 * What depends on a table and a {@code DROP TABLE} would refuse to drop without
	 * {@code CASCADE}: each as {@code kind, description, owning relation, name}.
	 * Constraints and rules of the table itself are not dependants.
	 */
	List<Dependant> dependants(long table) throws SQLException {
		List<Dependant> dependants = new ArrayList<>();
		try (PreparedStatement statement = this.connection.prepareStatement(
				"""
						select distinct d.classid::regclass::text, pg_describe_object(d.classid, d.objid, 0),
						       coalesce(con.conrelid, rw.ev_class, 0), coalesce(con.conname, ''),
						       coalesce(con.contype::text, ''), coalesce((select relkind::text from pg_class where oid = rw.ev_class), '')
						from pg_depend d
						left join pg_constraint con on d.classid = 'pg_constraint'::regclass and con.oid = d.objid
						left join pg_rewrite rw on d.classid = 'pg_rewrite'::regclass and rw.oid = d.objid
						where d.deptype = 'n'
						  and ((d.refclassid = 'pg_class'::regclass and d.refobjid = ?::oid)
						    or (d.refclassid = 'pg_type'::regclass and d.refobjid = (select reltype from pg_class where oid = ?::oid)))
						""")) {
			statement.setLong(1, table);
			statement.setLong(2, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					long owner = rs.getLong(3);
					if (owner == table) {
						continue;
					}
					String catalog = rs.getString(1);
					Dependant.Kind kind = Dependant.Kind.OTHER;
					if (catalog.equals("pg_constraint") && rs.getString(5).equals("f")) {
						kind = Dependant.Kind.FOREIGN_KEY;
					}
					else if (catalog.equals("pg_rewrite") && rs.getString(6).equals("v")) {
						kind = Dependant.Kind.VIEW;
					}
					else if (catalog.equals("pg_rewrite") && rs.getString(6).equals("m")) {
						kind = Dependant.Kind.MATERIALIZED_VIEW;
					}
					dependants.add(new Dependant(kind, rs.getString(2), owner, rs.getString(4)));
				}
			}
		}
		return dependants;
	}

	/**
	 * Something that depends on a table.
	 *
	 * @param kind what it is
	 * @param description as PostgreSQL describes it
	 * @param relation the relation it belongs to (the referencing table of a foreign key,
	 * the view of a rule)
	 * @param constraint the constraint's name, for a foreign key
	 */
	record Dependant(Kind kind, String description, long relation, String constraint) {

		enum Kind {

			FOREIGN_KEY, VIEW, MATERIALIZED_VIEW, OTHER

		}

	}

	/**
	 * The tables whose foreign keys reference this one (for {@code TRUNCATE … CASCADE}).
	 */
	List<Long> referencing(long table) throws SQLException {
		List<Long> tables = new ArrayList<>();
		try (PreparedStatement statement = this.connection.prepareStatement(
				"select distinct conrelid from pg_constraint where contype = 'f' and confrelid = ?::oid and conrelid <> ?::oid")) {
			statement.setLong(1, table);
			statement.setLong(2, table);
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					tables.add(rs.getLong(1));
				}
			}
		}
		return tables;
	}

	/** A relation by its oid. */
	@Nullable Relation byOid(long oid) throws SQLException {
		try (PreparedStatement statement = this.connection
			.prepareStatement("select c.oid, n.nspname, c.relname, c.relkind from pg_class c"
					+ " join pg_namespace n on n.oid = c.relnamespace where c.oid = ?::oid")) {
			statement.setLong(1, oid);
			try (ResultSet rs = statement.executeQuery()) {
				return rs.next()
						? new Relation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4).charAt(0))
						: null;
			}
		}
	}

	long count(String sql) throws SQLException {
		try (PreparedStatement statement = this.connection.prepareStatement(sql);
				ResultSet rs = statement.executeQuery()) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private List<String> strings(String sql, Object... arguments) throws SQLException {
		List<String> values = new ArrayList<>();
		try (PreparedStatement statement = this.connection.prepareStatement(sql)) {
			for (int i = 0; i < arguments.length; i++) {
				statement.setObject(i + 1, arguments[i]);
			}
			try (ResultSet rs = statement.executeQuery()) {
				while (rs.next()) {
					values.add(rs.getString(1));
				}
			}
		}
		return values;
	}

}
