package dev.strata.history.internal;

/**
 * The objects a schema holds, found through each object's dependency on its schema.
 *
 * <p>
 * {@code pg_class}, {@code pg_proc} and {@code pg_type} have no index by schema: a query
 * that filters them by schema reads them whole, and a database of a thousand tenant
 * schemas holds a hundred thousand {@code pg_class} rows. Every table, view, sequence,
 * function and free-standing type (enum, domain, range, composite) records a dependency
 * on its schema in {@code pg_depend}, kept when the object moves to another schema, and
 * {@code pg_depend} is indexed by what an object depends on. The types a table or an
 * array brings along, and indexes, depend on their table instead, so they are not found
 * here.
 */
public final class SchemaObjects {

	private SchemaObjects() {
	}

	/**
	 * A subquery of the oids of the objects of {@code catalog} ({@code pg_class},
	 * {@code pg_proc} or {@code pg_type}) in the schemas whose oids the subquery
	 * {@code schemaOids} gives, for {@code in (…)}, which also lists an object once.
	 * {@code schemaOids} may use parameters and the columns of enclosing queries, but not
	 * those of the query the {@code in} stands in: PostgreSQL would then test every row
	 * against it instead of joining. Join the catalog on its schema column as well: that
	 * column, not the dependency, says where the object lives.
	 */
	public static String of(String catalog, String schemaOids) {
		return "select d.objid from pg_catalog.pg_depend d"
				+ " where d.refclassid = 'pg_catalog.pg_namespace'::pg_catalog.regclass and d.refobjid in ("
				+ schemaOids + ") and d.classid = 'pg_catalog." + catalog + "'::pg_catalog.regclass";
	}

}
