package dev.strata;

import java.sql.SQLException;
import java.util.List;

import dev.strata.guard.internal.LiveTableSizes;
import dev.strata.guard.report.Lint;
import dev.strata.guard.report.LintResult;
import dev.strata.guard.report.LintScope;
import dev.strata.migration.Migration;

/**
 * {@code lint}: the guard's verdict on the pending (or all) migrations, with live table
 * sizes; applies nothing.
 */
final class LintCommand implements Command<LintResult> {

	@Override
	public LintResult run(CommandContext context) throws SQLException {
		StrataConfig config = context.config();
		List<Migration> selected = (config.lintScope() == LintScope.ALL) ? context.migrations()
				: context.plan().pending();
		return Lint.of(selected, config.guard(), new LiveTableSizes(context.connection()), config.lintScope());
	}

}
