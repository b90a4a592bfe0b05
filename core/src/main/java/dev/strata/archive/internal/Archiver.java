package dev.strata.archive.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.strata.archive.ArchiveSettings;
import dev.strata.guard.Assessment;
import dev.strata.guard.Finding;
import dev.strata.guard.GuardedMigration;
import dev.strata.guard.Outcome;
import dev.strata.guard.Severity;
import dev.strata.migration.Migration;
import dev.strata.migration.MigrationDirectives.AllowDirective;
import dev.strata.migration.MigrationRun;
import dev.strata.migration.PreparedMigration;
import dev.strata.sql.SqlStatement;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Archives before destroying: wraps a migration's body so that each statement the guard
 * found destructive and let through (a {@code strata:allow} directive,
 * {@code strata.allow-destructive}, a destructive rule set to {@code warn}) has what it
 * removes kept first, in the migration's transaction. A migration with no such statement
 * is returned as it is: nothing of this runs for it.
 */
public final class Archiver {

	private static final Logger logger = LoggerFactory.getLogger(Archiver.class);

	private final ArchiveSettings settings;

	public Archiver(ArchiveSettings settings) {
		this.settings = settings;
	}

	/** The migration, archiving before its allowed destructive statements. */
	public PreparedMigration around(PreparedMigration migration, GuardedMigration guarded) {
		if (!this.settings.enabled()) {
			return migration;
		}
		Map<Integer, Set<String>> destructive = destructiveStatements(migration, guarded);
		if (destructive.isEmpty()) {
			return migration;
		}
		Migration file = migration.migration();
		return new PreparedMigration(file, migration.statements(), migration.directives(), migration.transactional(),
				migration.nonTransactionalReason(), migration.sqlChecksum(),
				(run) -> migration.body().run(new ArchivingRun(run, migration, destructive)));
	}

	/**
	 * The statements with an allowed (or only warned) destructive finding, by index, with
	 * the ids of their rules; those whose directive says {@code archive=none} left out.
	 */
	private static Map<Integer, Set<String>> destructiveStatements(PreparedMigration migration,
			GuardedMigration guarded) {
		Map<Integer, Set<String>> destructive = new LinkedHashMap<>();
		List<SqlStatement> statements = migration.statements();
		for (Assessment assessment : guarded.assessments()) {
			Finding finding = assessment.finding();
			if (finding.severity() != Severity.DESTRUCTIVE || assessment.outcome() == Outcome.REFUSED) {
				continue;
			}
			int index = indexOf(statements, finding);
			if (index >= 0 && !withoutArchive(migration, index, finding.ruleId())) {
				destructive.computeIfAbsent(index, (key) -> new LinkedHashSet<>()).add(finding.ruleId());
			}
		}
		return destructive;
	}

	/** The statement a finding is in, by position; -1 if none. */
	private static int indexOf(List<SqlStatement> statements, Finding finding) {
		for (int i = statements.size() - 1; i >= 0; i--) {
			SqlStatement statement = statements.get(i);
			boolean afterStart = finding.line() > statement.line()
					|| (finding.line() == statement.line() && finding.column() >= statement.column());
			if (afterStart && finding.line() <= statement.endLine()) {
				return i;
			}
		}
		return -1;
	}

	private static boolean withoutArchive(PreparedMigration migration, int index, String rule) {
		for (AllowDirective allow : migration.directives().allows()) {
			if (!allow.archive() && allow.covers(index) && allow.rules().contains(rule)) {
				logger.info("{}: statement {} runs without an archive (archive=none at line {})",
						migration.migration().displayName(), index + 1, allow.line());
				return true;
			}
		}
		return false;
	}

	/** The executor's run, archiving before the statements that destroy. */
	private final class ArchivingRun implements MigrationRun {

		private final MigrationRun run;

		private final PreparedMigration migration;

		private final Map<Integer, Set<String>> destructive;

		ArchivingRun(MigrationRun run, PreparedMigration migration, Map<Integer, Set<String>> destructive) {
			this.run = run;
			this.migration = migration;
			this.destructive = destructive;
		}

		@Override
		public Connection connection() {
			return this.run.connection();
		}

		@Override
		public boolean transactional() {
			return this.run.transactional();
		}

		@Override
		public @Nullable Duration lockTimeout() {
			return this.run.lockTimeout();
		}

		@Override
		public @Nullable Duration statementTimeout() {
			return this.run.statementTimeout();
		}

		@Override
		public void statement(int index, String sql, boolean mayReturnRows) throws SQLException {
			Set<String> rules = this.destructive.get(index);
			if (rules == null || !archive(index, rules)) {
				this.run.statement(index, sql, mayReturnRows);
			}
		}

		/** Archives; returns whether that replaced the statement. */
		private boolean archive(int index, Set<String> rules) throws SQLException {
			SqlStatement statement = this.migration.statements().get(index);
			Migration file = this.migration.migration();
			StatementArchiver.Origin origin = new StatementArchiver.Origin(
					(file.version() != null) ? file.version().toString() : null, file.script(), statement.line(),
					file.displayName() + " line " + statement.line());
			// The statements queued so far run first, so the archive sees what they did.
			Connection connection = this.run.connection();
			StatementArchiver archiver = new StatementArchiver(connection, Archiver.this.settings, origin);
			String ruleList = String.join(",", rules);
			try {
				if (!this.run.transactional()) {
					archiver.notArchived(ruleList + " (outside a transaction)");
					return false;
				}
				return !archiver.archive(DestructiveStatement.read(statement), ruleList);
			}
			catch (SQLException ex) {
				throw new SQLException("archiving what statement " + (index + 1) + " (line " + statement.line()
						+ ") removes, before it runs, failed: " + ex.getMessage(), ex.getSQLState(), ex);
			}
		}

	}

}
