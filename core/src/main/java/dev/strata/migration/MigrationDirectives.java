package dev.strata.migration;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;

/**
 * How one migration asks to be run: outside a transaction, with its own timeouts, with
 * guard rules allowed. A SQL file writes them as {@code strata:} comments
 * ({@link dev.strata.migration.sql.internal.DirectiveParser}); another kind of migration
 * declares them in its own way.
 *
 * @param noTransaction {@code -- strata:no-transaction}: run every statement outside a
 * transaction
 * @param lockTimeout {@code -- strata:lock-timeout=60s}, or {@code null} for the
 * configured default
 * @param statementTimeout {@code -- strata:statement-timeout=2h}, or {@code null} for the
 * default
 * @param allows {@code -- strata:allow RULE[,RULE] reason="…"} directives, for the guard
 */
public record MigrationDirectives(boolean noTransaction, @Nullable Duration lockTimeout,
		@Nullable Duration statementTimeout, List<AllowDirective> allows) {

	/** No directives at all. */
	public static final MigrationDirectives NONE = new MigrationDirectives(false, null, null, List.of());

	/**
	 * A {@code strata:allow} directive.
	 *
	 * @param rules the rule ids it allows, as written
	 * @param reason why, as written
	 * @param line the line of the comment
	 * @param statement the index of the statement it sits directly above, or
	 * {@link #WHOLE_FILE}
	 * @param archive whether what the statements it allows remove is archived first;
	 * {@code false} for {@code archive=none}
	 */
	public record AllowDirective(List<String> rules, String reason, int line, int statement, boolean archive) {

		/** A directive whose statements are archived (no {@code archive=none}). */
		public AllowDirective(List<String> rules, String reason, int line, int statement) {
			this(rules, reason, line, statement, true);
		}

		/**
		 * {@link #statement()} of a directive at the top of the file, followed by a blank
		 * line.
		 */
		public static final int WHOLE_FILE = -1;

		public boolean coversWholeFile() {
			return this.statement == WHOLE_FILE;
		}

		/** Whether it covers the statement with this index. */
		public boolean covers(int statementIndex) {
			return coversWholeFile() || this.statement == statementIndex;
		}

	}

}
