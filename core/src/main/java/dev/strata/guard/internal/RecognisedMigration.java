package dev.strata.guard.internal;

import java.util.List;

import dev.strata.migration.MigrationDirectives.AllowDirective;
import dev.strata.migration.Migration;
import dev.strata.guard.Finding;

/**
 * A prepared migration whose statements the guard has read but not yet judged: what each
 * statement does, without the statements themselves. Made by {@link Guard#recognise},
 * judged by {@link Guard#judge}.
 */
public final class RecognisedMigration {

	private final Migration migration;

	private final List<AllowDirective> allows;

	private final boolean transactional;

	private final List<List<Finding>> perStatement;

	private final List<String> createdTables;

	RecognisedMigration(Migration migration, List<AllowDirective> allows, boolean transactional,
			List<List<Finding>> perStatement, List<String> createdTables) {
		this.migration = migration;
		this.allows = allows;
		this.transactional = transactional;
		this.perStatement = perStatement;
		this.createdTables = createdTables;
	}

	public Migration migration() {
		return this.migration;
	}

	/** Its {@code strata:allow} directives. */
	List<AllowDirective> allows() {
		return this.allows;
	}

	boolean transactional() {
		return this.transactional;
	}

	/**
	 * The findings of each statement: element {@code i} holds those of statement
	 * {@code i}.
	 */
	List<List<Finding>> perStatement() {
		return this.perStatement;
	}

	/** The tables the migration creates, as written. */
	List<String> createdTables() {
		return this.createdTables;
	}

}
