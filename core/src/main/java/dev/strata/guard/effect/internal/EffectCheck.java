package dev.strata.guard.effect.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.strata.migration.internal.TransactionCheck;
import dev.strata.guard.Assessment;
import dev.strata.guard.Finding;
import dev.strata.guard.GuardRefusedException;
import dev.strata.guard.internal.GuardReport;
import dev.strata.guard.GuardSettings;
import dev.strata.guard.GuardedMigration;
import dev.strata.guard.Outcome;
import dev.strata.guard.Severity;
import dev.strata.guard.policy.internal.AllowPolicy;
import dev.strata.guard.rules.Rule;
import dev.strata.migration.PreparedMigration;
import dev.strata.sql.SqlStatement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sees what text cannot: inside the migration's transaction, before commit, it compares
 * the catalog with a snapshot taken before the first statement. A dropped table, column,
 * type or enum value, deleted rows or an emptied (truncated) table that existed before,
 * and that nothing allowed, rolls the migration back with a {@link GuardRefusedException}
 * naming the objects.
 */
public final class EffectCheck implements TransactionCheck {

	private static final Logger logger = LoggerFactory.getLogger(EffectCheck.class);

	private final GuardReport report;

	private final AllowPolicy policy;

	private @Nullable CatalogSnapshot before;

	public EffectCheck(GuardReport report, GuardSettings settings) {
		this.report = report;
		this.policy = new AllowPolicy(settings);
	}

	@Override
	public boolean inspects(PreparedMigration migration) {
		return this.report.of(migration.migration().location()).checkEffects();
	}

	@Override
	public void before(PreparedMigration migration, Connection connection) throws SQLException {
		this.before = inspects(migration) ? CatalogSnapshot.take(connection) : null;
	}

	@Override
	public void verify(PreparedMigration migration, Connection connection) throws SQLException {
		CatalogSnapshot earlier = this.before;
		this.before = null;
		if (earlier == null) {
			return;
		}
		GuardedMigration guarded = this.report.of(migration.migration().location());
		List<Effect> effects = effects(earlier, CatalogSnapshot.take(connection));
		List<Assessment> refused = new ArrayList<>();
		Finding where = where(migration, guarded);
		for (Effect effect : effects) {
			Finding finding = new Finding(effect.rule(), effect.message() + " (seen by the effect check)", where.file(),
					where.line(), where.column(), where.statement(), null);
			if (allowed(effect.rule(), guarded)) {
				// Seen only after it happened: nothing of it could be archived.
				logger.warn("{}: {} — allowed; not archived (what code removes is seen only after it ran)",
						finding.location(), finding.message());
			}
			else {
				refused.add(new Assessment(finding, Outcome.REFUSED, "", null));
			}
		}
		if (!refused.isEmpty()) {
			throw new GuardRefusedException(refused,
					"migration " + migration.migration().displayName() + " was rolled back: nothing of it is applied");
		}
	}

	private boolean allowed(Rule rule, GuardedMigration guarded) {
		String allowedBy = guarded.allowedRules().contains(rule.id()) ? "allowed by a strata:allow directive" : null;
		return this.policy.decide(rule, false, allowedBy).outcome() != Outcome.REFUSED;
	}

	/**
	 * The statement the effect is blamed on: the first one the guard could not see into.
	 */
	private static Finding where(PreparedMigration migration, GuardedMigration guarded) {
		for (Assessment assessment : guarded.assessments()) {
			if (assessment.finding().severity() == Severity.REVIEW) {
				return assessment.finding();
			}
		}
		SqlStatement first = migration.statements().isEmpty() ? null : migration.statements().get(0);
		return new Finding(Rule.UNRECOGNISED_STATEMENT, "", migration.migration().location(),
				(first != null) ? first.line() : 1, (first != null) ? first.column() : 1,
				(first != null) ? first.abbreviated(120) : "", null);
	}

	static List<Effect> effects(CatalogSnapshot before, CatalogSnapshot after) {
		List<Effect> effects = new ArrayList<>();
		before.relations().forEach((oid, relation) -> {
			CatalogSnapshot.Relation now = after.relations().get(oid);
			if (now == null) {
				effects.add(new Effect(dropRule(relation.kind()),
						"dropped " + kind(relation.kind()) + " " + relation.name()));
			}
			else if (now.fileNode() != relation.fileNode() && relation.bytes() > 0 && now.bytes() == 0
					&& relation.kind() != 'S') {
				effects.add(new Effect(Rule.TRUNCATE, "emptied table " + relation.name()));
			}
		});
		before.columns().forEach((key, name) -> {
			long relation = Long.parseLong(key.substring(0, key.indexOf('/')));
			if (after.relations().containsKey(relation) && !after.columns().containsKey(key)) {
				effects.add(new Effect(Rule.DROP_COLUMN,
						"dropped column " + name + " of " + after.relations().get(relation).name()));
			}
		});
		before.types().forEach((oid, name) -> {
			if (!after.types().containsKey(oid)) {
				effects.add(new Effect(Rule.DROP_TYPE, "dropped type " + name));
			}
		});
		before.enumValues().forEach((oid, value) -> {
			CatalogSnapshot.EnumValue now = after.enumValues().get(oid);
			String type = before.types().getOrDefault(value.type(), "enum");
			if (now == null && after.types().containsKey(value.type())) {
				effects.add(new Effect(Rule.DROP_ENUM_VALUE, "dropped value '" + value.label() + "' of " + type));
			}
			else if (now != null && !now.label().equals(value.label())) {
				effects.add(new Effect(Rule.RENAME_ENUM_VALUE,
						"renamed value '" + value.label() + "' of " + type + " to '" + now.label() + "'"));
			}
		});
		for (Map.Entry<Long, Long> deleted : after.deletedRows().entrySet()) {
			CatalogSnapshot.Relation relation = before.relations().get(deleted.getKey());
			long count = deleted.getValue() - before.deletedRows().getOrDefault(deleted.getKey(), 0L);
			if (relation != null && count > 0) {
				effects.add(new Effect(Rule.DELETE, "deleted " + count + " rows of table " + relation.name()));
			}
		}
		return effects;
	}

	private static Rule dropRule(char kind) {
		return switch (kind) {
			case 'm' -> Rule.DROP_MATERIALIZED_VIEW;
			case 'S' -> Rule.DROP_SEQUENCE;
			default -> Rule.DROP_TABLE;
		};
	}

	private static String kind(char kind) {
		return switch (kind) {
			case 'm' -> "materialized view";
			case 'S' -> "sequence";
			default -> "table";
		};
	}

	/** A destructive change seen in the catalog. */
	record Effect(Rule rule, String message) {
	}

}
