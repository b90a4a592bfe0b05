package dev.strata.bench;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;

/**
 * Flyway through its Java API, with every setting at its default (validate-on-migrate
 * included).
 */
final class FlywayContestant implements Contestant {

	@Override
	public String name() {
		return "flyway";
	}

	@Override
	public int migrate(DataSource dataSource, Path corpus) {
		Flyway flyway = Flyway.configure().dataSource(dataSource).locations("filesystem:" + corpus).load();
		return flyway.migrate().migrationsExecuted;
	}

	@Override
	public String historyCountSql() {
		return "SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL";
	}

}
