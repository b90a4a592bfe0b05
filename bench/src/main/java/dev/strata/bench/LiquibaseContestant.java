package dev.strata.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;

import javax.sql.DataSource;

import liquibase.Scope;
import liquibase.UpdateSummaryOutputEnum;
import liquibase.command.CommandScope;
import liquibase.command.core.UpdateCommandStep;
import liquibase.command.core.helpers.DbUrlConnectionArgumentsCommandStep;
import liquibase.command.core.helpers.ShowSummaryArgument;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import liquibase.ui.LoggerUIService;

/**
 * Liquibase through its command API, set up fairly: the generated changelog has one
 * {@code <changeSet>} per file with {@code <sqlFile splitStatements="false">} (an
 * {@code <include>} of plain SQL files takes a path that is about ten times slower).
 * Analytics are off ({@link Bench#quietTools()}) and the update summary goes to the log
 * instead of the console.
 */
final class LiquibaseContestant implements Contestant {

	@Override
	public String name() {
		return "liquibase";
	}

	@Override
	public int migrate(DataSource dataSource, Path corpus) throws Exception {
		try (Connection connection = dataSource.getConnection()) {
			Database database = DatabaseFactory.getInstance()
				.findCorrectDatabaseImplementation(new JdbcConnection(connection));
			Map<String, Object> scope = Map.of(Scope.Attr.resourceAccessor.name(),
					new DirectoryResourceAccessor(corpus), Scope.Attr.ui.name(), new LoggerUIService());
			Scope.child(scope,
					() -> new CommandScope(UpdateCommandStep.COMMAND_NAME)
						.addArgumentValue(DbUrlConnectionArgumentsCommandStep.DATABASE_ARG, database)
						.addArgumentValue(UpdateCommandStep.CHANGELOG_FILE_ARG, Corpus.CHANGELOG)
						.addArgumentValue(ShowSummaryArgument.SHOW_SUMMARY_OUTPUT, UpdateSummaryOutputEnum.LOG)
						.execute());
			// The update result does not say how many changesets ran; the harness counts
			// the table
			// after the timed part, so no extra query is timed here.
			return UNKNOWN;
		}
	}

	@Override
	public String historyCountSql() {
		return "SELECT count(*) FROM databasechangelog";
	}

}
