package dev.strata.guard.rules.internal;

import java.util.List;
import java.util.function.Predicate;

import dev.strata.guard.Severity;
import dev.strata.sql.SqlStatement;
import org.jspecify.annotations.Nullable;
import dev.strata.guard.rules.Rule;

/**
 * {@code DROP kind [CONCURRENTLY] [IF EXISTS] name [, …] [CASCADE | RESTRICT]}: one
 * finding per pre-existing object whose kind loses data, plus {@code cascade} when
 * CASCADE reaches beyond the named objects. Objects created earlier in the migration are
 * exempt.
 */
final class DropRule implements StatementRule {

	@Override
	public void check(SqlStatement statement, MigrationScope scope, Findings findings) {
		Cursor cursor = new Cursor(statement.tokens());
		cursor.accept("DROP");
		String kind = cursor.word(0);
		if (kind == null) {
			StatementRule.unrecognised(statement, findings, "this DROP statement");
			return;
		}
		cursor.next();
		if (kind.equals("MATERIALIZED") || kind.equals("FOREIGN")) {
			kind = kind + " " + cursor.word(0);
			cursor.next();
		}
		boolean concurrently = cursor.accept("CONCURRENTLY");
		cursor.accept("IF", "EXISTS");
		List<Name> names = cursor.names();
		boolean cascade = Cursor.containsTopLevel(cursor.rest(), "CASCADE");
		Kind checked = kind(kind, scope, concurrently);
		boolean allNew = true;
		for (Name name : names) {
			boolean isNew = checked.isNew().test(name);
			allNew &= isNew;
			if (checked.rule() != null && !isNew) {
				findings.add(checked.rule(), null, checked.verb() + " " + name.text(),
						(checked.rule().severity() == Severity.LOCKING) ? null : name);
			}
		}
		if (cascade && !allNew) {
			findings.add(Rule.CASCADE, null, "DROP " + kind + " … CASCADE also drops every object that depends on "
					+ String.join(", ", names.stream().map(Name::text).toList()), null);
		}
	}

	private static Kind kind(String kind, MigrationScope scope, boolean concurrently) {
		return switch (kind) {
			case "TABLE" -> new Kind(Rule.DROP_TABLE, "drops table", scope::isNewTable);
			case "SCHEMA" -> new Kind(Rule.DROP_SCHEMA, "drops schema", (name) -> scope.isNewSchema(name.name()));
			case "TYPE", "DOMAIN" ->
				new Kind(Rule.DROP_TYPE, "drops " + kind.toLowerCase(java.util.Locale.ROOT), scope::isNewType);
			case "SEQUENCE" -> new Kind(Rule.DROP_SEQUENCE, "drops sequence", scope::isNewSequence);
			case "EXTENSION" -> new Kind(Rule.DROP_EXTENSION, "drops extension", scope::isNewExtension);
			case "MATERIALIZED VIEW" ->
				new Kind(Rule.DROP_MATERIALIZED_VIEW, "drops materialized view", scope::isNewMaterializedView);
			case "INDEX" -> new Kind(concurrently ? null : Rule.DROP_INDEX_NOT_CONCURRENTLY,
					"drops index without CONCURRENTLY:", scope::isNewIndex);
			// Dropping these loses no data; CASCADE still may.
			default -> new Kind(null, "drops", (name) -> false);
		};
	}

	private record Kind(@Nullable Rule rule, String verb, Predicate<Name> isNew) {
	}

}
