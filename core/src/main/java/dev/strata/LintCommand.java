package dev.strata;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.strata.guard.internal.LiveTableSizes;
import dev.strata.guard.report.Lint;
import dev.strata.guard.report.LintResult;
import dev.strata.guard.report.LintScope;
import dev.strata.migration.Migration;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.source.internal.CallbackFile;
import dev.strata.source.internal.MigrationSource;

/**
 * {@code lint}: the guard's verdict on the pending (or all) migrations, with live table
 * sizes; applies nothing.
 */
final class LintCommand implements Command<LintResult> {

	@Override
	public LintResult run(CommandContext context) throws SQLException {
		StrataConfig config = context.config();
		List<Migration> selected = new ArrayList<>(
				(config.lintScope() == LintScope.ALL) ? context.migrations() : context.plan().pending());
		// The SQL callback files run on every migrate, so they are always judged.
		for (CallbackFile callback : new MigrationSource(config.locations(), config.classLoader(),
				config.locationsConfigured())
			.loadCallbacks()) {
			selected.add(new SqlMigration(callback.file(), config.placeholderContext()));
		}
		return Lint.of(selected, config.guard(), new LiveTableSizes(context.connection()), config.lintScope());
	}

}
