package dev.strata.drift.internal;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import dev.strata.drift.ObjectKind;
import dev.strata.history.internal.SchemaObjects;

/**
 * The snapshot as SQL: one {@code select} per object kind over {@code pg_catalog}, each
 * row {@code (kind, identity, definition)}, joined with {@code union all} so a snapshot
 * is one statement and one round trip. Definitions are printed by PostgreSQL's deparsers,
 * never assembled from raw catalog text, so both sides of a comparison are normalised the
 * same way.
 *
 * <p>
 * A definition is a list of {@code key: value} lines (see {@link Definition}); values are
 * escaped so that multi-line text (a function body) stays on its line. The text works
 * unchanged on PostgreSQL 13 to 18: it reads only catalog columns that exist in 13 and
 * matches newer features by value (PostgreSQL 18's NOT NULL constraints,
 * {@code contype = 'n'}, are left to the column's {@code not null}).
 *
 * <p>
 * It must run under {@link PinnedSession}: the deparsers' output depends on search_path,
 * TimeZone, DateStyle and a few more settings.
 */
public final class CatalogQuery {

	/**
	 * Bumped whenever a definition changes shape; a snapshot of another format needs a
	 * re-baseline.
	 */
	static final int FORMAT_VERSION = 1;

	/**
	 * Parameters: managed schemas ({@code text[]}), the schema of Strata's own tables
	 * ({@code text}), Strata's own table names ({@code text[]}).
	 */
	private static final String COMMON = """
			with nsp as (
				select n.oid, n.nspname, n.nspowner, n.nspacl from pg_namespace n
				where n.nspname = any (?::text[])
			),
			own as (
				select c.oid from pg_class c join pg_namespace n on n.oid = c.relnamespace
				where n.nspname = ?::text and c.relname = any (?::text[])
			),
			rel as (
				select c.oid, c.relname, c.relkind, c.relpersistence, c.relispartition, c.relrowsecurity,
					c.relforcerowsecurity, c.reloptions, c.relpartbound, c.relam, c.relowner, c.relacl, n.nspname,
					format('%I.%I', n.nspname, c.relname) as ident
				from pg_class c join nsp n on n.oid = c.relnamespace
				where c.oid in (RELATIONS)
					and c.relkind in ('r', 'p', 'f', 'v', 'm', 'S')
					and c.oid not in (select oid from own)
					-- members of extensions, and sequences owned by Strata's tables
					and not exists (select 1 from pg_depend d where d.classid = 'pg_class'::regclass and d.objid = c.oid
						and (d.deptype = 'e' or (d.deptype in ('a', 'i') and d.refclassid = 'pg_class'::regclass
							and d.refobjid in (select oid from own))))
			),
			proc as (
				select p.* from pg_proc p where p.oid in (ROUTINES)
			),
			typ as (
				select t.* from pg_type t where t.oid in (TYPES)
			),
			"""
		// found through their dependency on the schema: these catalogs have no index by
		// schema
		.replace("RELATIONS", SchemaObjects.of("pg_class", "select oid from nsp"))
		.replace("ROUTINES", SchemaObjects.of("pg_proc", "select oid from nsp"))
		.replace("TYPES", SchemaObjects.of("pg_type", "select oid from nsp"));

	private CatalogQuery() {
	}

	/**
	 * The common CTEs and {@code obj(kind, identity, definition)} restricted to
	 * {@code kinds}; callers append a select.
	 */
	static String objects(Set<ObjectKind> kinds) {
		String union = kinds.stream().sorted().map(CatalogQuery::select).collect(Collectors.joining("\n\tunion all\n"));
		return COMMON + "obj(kind, identity, definition) as (\n" + union + "\n)\n";
	}

	/** The values for the parameters of {@link #COMMON}, in order. */
	static List<Object> parameters(SnapshotScope scope) {
		return List.of(scope.schemas().toArray(String[]::new), scope.ownSchema(),
				scope.ownTables().toArray(String[]::new));
	}

	public static String select(ObjectKind kind) {
		return switch (kind) {
			case SCHEMA -> "select 'schema', format('%I', n.nspname), '' from nsp n";
			case EXTENSION -> extensions();
			case TABLE -> tables();
			case COLUMN -> columns();
			case CONSTRAINT -> constraints();
			case INDEX -> indexes();
			case SEQUENCE -> sequences();
			case VIEW -> views("view", "v");
			case MATERIALIZED_VIEW -> views("materialized view", "m");
			case FUNCTION -> routines("function", "p.prokind in ('f', 'w')");
			case PROCEDURE -> routines("procedure", "p.prokind = 'p'");
			case AGGREGATE -> aggregates();
			case TRIGGER -> triggers();
			case RULE -> rules();
			case POLICY -> policies();
			case ENUM -> enums();
			case DOMAIN -> domains();
			case COMPOSITE_TYPE -> compositeTypes();
			case RANGE_TYPE -> rangeTypes();
			case GRANT -> grants();
			case OWNER -> owners();
			case COMMENT -> comments();
		};
	}

	private static String extensions() {
		return "select 'extension', format('%I', e.extname), "
				+ definition(attr("schema", "n.nspname"), attr("version", "e.extversion")) + """

						from pg_extension e join nsp n on n.oid = e.extnamespace""";
	}

	private static String tables() {
		return "select 'table', r.ident, " + definition(
				attr("type",
						"case r.relkind when 'r' then 'table' when 'p' then 'partitioned table'"
								+ " else 'foreign table' end"),
				attrWhen("r.relpersistence = 'u'", "unlogged", "true"),
				attrWhen("r.relkind = 'p'", "partition key", "pg_get_partkeydef(r.oid)"),
				attrWhen("r.relispartition", "partition of", """
						(select format('%I.%I', pn.nspname, pc.relname) from pg_inherits i
						join pg_class pc on pc.oid = i.inhparent join pg_namespace pn on pn.oid = pc.relnamespace
						where i.inhrelid = r.oid)"""),
				attrWhen("r.relispartition", "partition bound", "pg_get_expr(r.relpartbound, r.oid)"),
				attr("inherits",
						"""
								(select string_agg(format('%I.%I', pn.nspname, pc.relname), ', ' order by i.inhseqno)
								from pg_inherits i join pg_class pc on pc.oid = i.inhparent
								join pg_namespace pn on pn.oid = pc.relnamespace where i.inhrelid = r.oid and not r.relispartition)"""),
				attr("access method", "(select a.amname from pg_am a where a.oid = r.relam and a.amname <> 'heap')"),
				// autovacuum tuning is operations' business, not the schema's
				attr("options", """
						(select string_agg(o, ', ' order by o collate "C") from unnest(r.reloptions) o
						where o !~ '^(toast[.])?autovacuum_')"""), attr("row level security", "r.relrowsecurity"),
				attr("force row level security", "r.relforcerowsecurity")) + """

						from rel r where r.relkind in ('r', 'p', 'f')""";
	}

	private static String columns() {
		return "select 'column', format('%s.%I', r.ident, a.attname), " + definition(
				attr("type", "format_type(a.atttypid, a.atttypmod)"), attr("not null", "a.attnotnull"),
				attrWhen("a.attgenerated = ''", "default", "pg_get_expr(ad.adbin, ad.adrelid)"),
				attrWhen("a.attgenerated <> ''", "generated", """
						case a.attgenerated when 's' then 'stored' else 'virtual' end || ' as '
						|| pg_get_expr(ad.adbin, ad.adrelid)"""), attrWhen("a.attidentity <> ''", "identity", """
						case a.attidentity when 'a' then 'always' else 'by default' end
						|| coalesce((select format(' (%s start %s increment %s min %s max %s cache %s%s)',
							format_type(s.seqtypid, null), s.seqstart, s.seqincrement, s.seqmin, s.seqmax, s.seqcache,
							case when s.seqcycle then ' cycle' else '' end)
						from pg_depend d join pg_sequence s on s.seqrelid = d.objid
						where d.classid = 'pg_class'::regclass and d.refclassid = 'pg_class'::regclass
							and d.refobjid = a.attrelid and d.refobjsubid = a.attnum and d.deptype = 'i'), '')"""),
				attrWhen("a.attcollation <> t.typcollation", "collation", """
						(select format('%I.%I', cn.nspname, co.collname) from pg_collation co
						join pg_namespace cn on cn.oid = co.collnamespace where co.oid = a.attcollation)""")) + """

						from rel r join pg_attribute a on a.attrelid = r.oid and a.attnum > 0 and not a.attisdropped
						join pg_type t on t.oid = a.atttypid
						left join pg_attrdef ad on ad.adrelid = a.attrelid and ad.adnum = a.attnum
						where r.relkind in ('r', 'p', 'f')""";
	}

	private static String constraints() {
		// PostgreSQL 18 stores NOT NULL as contype 'n': the column's "not null" already
		// says it.
		// Constraints cloned onto partitions (conparentid) and inherited checks are their
		// parent's.
		return "select 'constraint', format('%s.%I', r.ident, k.conname), "
				+ definition(attr("definition", "pg_get_constraintdef(k.oid)")) + """

						from pg_constraint k join rel r on r.oid = k.conrelid
						where k.contype in ('p', 'u', 'f', 'c', 'x') and k.conislocal and k.conparentid = 0""";
	}

	private static String indexes() {
		// Indexes behind a primary key, unique or exclusion constraint are that
		// constraint.
		return "select 'index', format('%I.%I', r.nspname, ic.relname), "
				+ definition(attr("definition", "pg_get_indexdef(i.indexrelid)"), attr("valid", "i.indisvalid")) + """

						from pg_index i join rel r on r.oid = i.indrelid join pg_class ic on ic.oid = i.indexrelid
						where not ic.relispartition
							and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid
								and k.conrelid = i.indrelid and k.contype in ('p', 'u', 'x'))""";
	}

	private static String sequences() {
		// Identity sequences are part of their column.
		return "select 'sequence', r.ident, " + definition(attr("type", "format_type(s.seqtypid, null)"),
				attr("start", "s.seqstart"), attr("increment", "s.seqincrement"), attr("min", "s.seqmin"),
				attr("max", "s.seqmax"), attr("cache", "s.seqcache"), attr("cycle", "s.seqcycle"), attr("owned by", """
						(select format('%I.%I.%I', tn.nspname, tc.relname, a.attname) from pg_depend d
						join pg_class tc on tc.oid = d.refobjid join pg_namespace tn on tn.oid = tc.relnamespace
						join pg_attribute a on a.attrelid = d.refobjid and a.attnum = d.refobjsubid
						where d.classid = 'pg_class'::regclass and d.objid = r.oid
							and d.refclassid = 'pg_class'::regclass and d.deptype = 'a')""")) + """

						from rel r join pg_sequence s on s.seqrelid = r.oid
						where r.relkind = 'S' and not exists (select 1 from pg_depend d
							where d.classid = 'pg_class'::regclass and d.objid = r.oid and d.deptype = 'i')""";
	}

	private static String views(String label, String relkind) {
		return "select '" + label + "', r.ident, "
				+ definition(
						attr("options",
								"(select string_agg(o, ', ' order by o collate \"C\") from unnest(r.reloptions) o)"),
						attr("definition", "pg_get_viewdef(r.oid, true)"))
				+ "\n\t\tfrom rel r where r.relkind = '" + relkind + "'";
	}

	private static String routines(String label, String condition) {
		// Identity from proargtypes: pg_get_function_identity_arguments changed its text
		// in 14.
		return "select '" + label + "', format('%I.%I(%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes)), "
				+ definition(attr("definition", "pg_get_functiondef(p.oid)")) + """

						from proc p join nsp n on n.oid = p.pronamespace
						where not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
							and d.objid = p.oid and d.deptype = 'e') and """ + " " + condition;
	}

	private static String aggregates() {
		// pg_get_functiondef refuses aggregates: describe them by their parts.
		return "select 'aggregate', format('%I.%I(%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes)), "
				+ definition(attr("kind", "g.aggkind"), attr("transition", "g.aggtransfn::text"),
						attr("state type", "format_type(g.aggtranstype, null)"),
						attr("final", "nullif(g.aggfinalfn::oid, 0)::regproc::text"),
						attr("combine", "nullif(g.aggcombinefn::oid, 0)::regproc::text"),
						attr("initial value", "g.agginitval"),
						attr("sort operator", "nullif(g.aggsortop, 0)::regoperator::text"),
						attr("result", "pg_get_function_result(p.oid)"))
				+ """

						from proc p join nsp n on n.oid = p.pronamespace join pg_aggregate g on g.aggfnoid = p.oid
						where not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
							and d.objid = p.oid and d.deptype = 'e')""";
	}

	private static String triggers() {
		// Internal triggers belong to constraints; clones on partitions (tgparentid) to
		// their parent.
		return "select 'trigger', format('%s.%I', r.ident, t.tgname), "
				+ definition(attr("definition", "pg_get_triggerdef(t.oid)"),
						attr("enabled",
								"case t.tgenabled when 'O' then 'origin' when 'D' then 'disabled'"
										+ " when 'R' then 'replica' when 'A' then 'always' end"))
				+ """

						from pg_trigger t join rel r on r.oid = t.tgrelid where not t.tgisinternal and t.tgparentid = 0""";
	}

	private static String rules() {
		return "select 'rule', format('%s.%I', r.ident, w.rulename), "
				+ definition(attr("definition", "pg_get_ruledef(w.oid, true)"),
						attr("enabled",
								"case w.ev_enabled when 'O' then 'origin' when 'D' then 'disabled'"
										+ " when 'R' then 'replica' when 'A' then 'always' end"))
				+ """

						from pg_rewrite w join rel r on r.oid = w.ev_class where w.rulename <> '_RETURN'""";
	}

	private static String policies() {
		return "select 'policy', format('%s.%I', r.ident, p.polname), " + definition(
				attr("command",
						"case p.polcmd when 'r' then 'select' when 'a' then 'insert' when 'w' then 'update'"
								+ " when 'd' then 'delete' else 'all' end"),
				attr("permissive", "p.polpermissive"), attr("roles", """
						(select string_agg(x.name, ', ' order by x.name collate "C") from (select case when o = 0
						then 'public' else pg_get_userbyid(o)::text end as name from unnest(p.polroles) o) x)"""),
				attr("using", "pg_get_expr(p.polqual, p.polrelid)"),
				attr("with check", "pg_get_expr(p.polwithcheck, p.polrelid)")) + """

						from pg_policy p join rel r on r.oid = p.polrelid""";
	}

	private static String types(String label, String definition, String condition) {
		return "select '" + label + "', format('%I.%I', n.nspname, t.typname), " + definition + """

				from typ t join nsp n on n.oid = t.typnamespace
				where not exists (select 1 from pg_depend d where d.classid = 'pg_type'::regclass
					and d.objid = t.oid and d.deptype = 'e') and """ + " " + condition;
	}

	private static String enums() {
		return types("enum", definition(attr("labels", """
				(select string_agg(quote_literal(e.enumlabel), ', ' order by e.enumsortorder)
				from pg_enum e where e.enumtypid = t.oid)""")), "t.typtype = 'e'");
	}

	private static String domains() {
		return types("domain", definition(attr("type", "format_type(t.typbasetype, t.typtypmod)"),
				attr("not null", "t.typnotnull"), attr("default", "pg_get_expr(t.typdefaultbin, 0)"),
				attrWhen("t.typcollation <> (select b.typcollation from pg_type b where b.oid = t.typbasetype)",
						"collation", """
								(select format('%I.%I', cn.nspname, co.collname) from pg_collation co
								join pg_namespace cn on cn.oid = co.collnamespace where co.oid = t.typcollation)"""),
				// one line per check, its name in the key
				"""
						(select string_agg('check ' || quote_ident(k.conname) || ': ' || %s, E'\\n'
							order by k.conname collate "C")
						from pg_constraint k where k.contypid = t.oid and k.contype = 'c')"""
					.formatted(escape("pg_get_constraintdef(k.oid)"))),
				"t.typtype = 'd'");
	}

	private static String compositeTypes() {
		return types("composite type", definition(attr("attributes", """
				(select string_agg(format('%I %s', a.attname, format_type(a.atttypid, a.atttypmod)), ', '
					order by a.attnum)
				from pg_attribute a where a.attrelid = t.typrelid and a.attnum > 0 and not a.attisdropped)""")),
				"t.typtype = 'c' and exists (select 1 from pg_class c where c.oid = t.typrelid and c.relkind = 'c')");
	}

	private static String rangeTypes() {
		return types("range type", definition(
				attr("subtype", "(select format_type(g.rngsubtype, null) from pg_range g where g.rngtypid = t.oid)"),
				attr("operator class", "(select g.rngsubopc::regclass::text from pg_range g where g.rngtypid = t.oid)"),
				attr("canonical",
						"""
								(select nullif(g.rngcanonical::oid, 0)::regproc::text from pg_range g where g.rngtypid = t.oid)"""),
				attr("subtype diff",
						"""
								(select nullif(g.rngsubdiff::oid, 0)::regproc::text from pg_range g where g.rngtypid = t.oid)""")),
				"t.typtype = 'r'");
	}

	private static String grants() {
		// The owner's own privileges are implied; a function without an ACL has the
		// default one. Each ACL is described once, in a subquery that "offset 0" keeps
		// from being folded into both the select list and the filter.
		return """
				select 'grant', 'relation ' || r.ident, g.acl from rel r
				cross join lateral (select %s as acl offset 0) g where r.relacl is not null and g.acl is not null
				union all
				select 'grant', format('function %%I.%%I(%%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes)), g.acl
				from proc p join nsp n on n.oid = p.pronamespace
				cross join lateral (select %s as acl offset 0) g
				where not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
					and d.objid = p.oid and d.deptype = 'e') and g.acl is not null
				union all
				select 'grant', format('schema %%I', n.nspname), g.acl from nsp n
				cross join lateral (select %s as acl offset 0) g where g.acl is not null"""
			.formatted(acl("r.relacl", "r.relowner"),
					acl("coalesce(p.proacl, acldefault('f', p.proowner))", "p.proowner"),
					acl("coalesce(n.nspacl, acldefault('n', n.nspowner))", "n.nspowner"));
	}

	/**
	 * One line per grantee, {@code grantee: PRIVILEGE, PRIVILEGE*}; null when only the
	 * owner holds rights.
	 */
	private static String acl(String acl, String owner) {
		return """
				(select string_agg(g.line, E'\\n' order by g.line collate "C") from (
					select %s || ': ' || string_agg(a.privilege_type || case when a.is_grantable then '*' else '' end,
						', ' order by a.privilege_type collate "C") as line
					from aclexplode(%s) a where a.grantee <> %s group by a.grantee) g)""".formatted(
				escape("case when a.grantee = 0 then 'public' else pg_get_userbyid(a.grantee)::text end"), acl, owner);
	}

	private static String owners() {
		return """
				select 'owner', 'relation ' || r.ident, %s from rel r
				union all
				select 'owner', format('function %%I.%%I(%%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes)), %s
				from proc p join nsp n on n.oid = p.pronamespace
				where not exists (select 1 from pg_depend d where d.classid = 'pg_proc'::regclass
					and d.objid = p.oid and d.deptype = 'e')
				union all
				select 'owner', format('schema %%I', n.nspname), %s from nsp n""".formatted(
				definition(attr("owner", "pg_get_userbyid(r.relowner)")),
				definition(attr("owner", "pg_get_userbyid(p.proowner)")),
				definition(attr("owner", "pg_get_userbyid(n.nspowner)")));
	}

	private static String comments() {
		String text = definition(attr("comment", "d.description"));
		return """
				select 'comment', 'relation ' || r.ident, %1$s
				from rel r join pg_description d on d.classoid = 'pg_class'::regclass and d.objoid = r.oid and d.objsubid = 0
				union all
				select 'comment', format('column %%s.%%I', r.ident, a.attname), %1$s
				from rel r join pg_description d on d.classoid = 'pg_class'::regclass and d.objoid = r.oid and d.objsubid > 0
				join pg_attribute a on a.attrelid = r.oid and a.attnum = d.objsubid
				union all
				select 'comment', format('constraint %%s.%%I', r.ident, k.conname), %1$s
				from pg_constraint k join rel r on r.oid = k.conrelid
				join pg_description d on d.classoid = 'pg_constraint'::regclass and d.objoid = k.oid
				union all
				select 'comment', format('function %%I.%%I(%%s)', n.nspname, p.proname, oidvectortypes(p.proargtypes)), %1$s
				from proc p join nsp n on n.oid = p.pronamespace
				join pg_description d on d.classoid = 'pg_proc'::regclass and d.objoid = p.oid
				union all
				select 'comment', format('type %%I.%%I', n.nspname, t.typname), %1$s
				from pg_type t join nsp n on n.oid = t.typnamespace
				join pg_description d on d.classoid = 'pg_type'::regclass and d.objoid = t.oid
				union all
				select 'comment', format('schema %%I', n.nspname), %1$s
				from nsp n join pg_description d on d.classoid = 'pg_namespace'::regclass and d.objoid = n.oid"""
			.formatted(text);
	}

	/**
	 * {@code concat_ws} skips nulls, so an attribute whose value is null is simply
	 * absent.
	 */
	private static String definition(String... attributes) {
		return "concat_ws(E'\\n',\n\t\t\t" + String.join(",\n\t\t\t", attributes) + ")";
	}

	/** A {@code key: value} line, or null when the value is null. */
	private static String attr(String key, String value) {
		return "'" + key + ": ' || " + escape(value);
	}

	private static String attrWhen(String condition, String key, String value) {
		return "case when " + condition + " then " + attr(key, value) + " end";
	}

	/**
	 * Backslash, newline and carriage return escaped as {@code \\}, {@code \n},
	 * {@code \r}: see {@link Definition}.
	 */
	static String escape(String value) {
		return "replace(replace(replace((" + value
				+ ")::text, E'\\\\', E'\\\\\\\\'), E'\\n', E'\\\\n'), E'\\r', E'\\\\r')";
	}

}
