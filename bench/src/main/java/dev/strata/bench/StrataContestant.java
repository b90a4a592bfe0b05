package dev.strata.bench;

import java.nio.file.Path;

import javax.sql.DataSource;

import dev.strata.MigrateResult;
import dev.strata.Strata;
import dev.strata.StrataConfig;

/** Strata through its Java API, with every setting at its default. */
final class StrataContestant implements Contestant {

	/** The last migrate's Strata, whose background snapshot {@link #settle} waits for. */
	private Strata last;

	@Override
	public String name() {
		return "strata";
	}

	@Override
	public int migrate(DataSource dataSource, Path corpus) {
		StrataConfig config = StrataConfig.builder(dataSource).locations("filesystem:" + corpus).build();
		Strata strata = new Strata(config);
		MigrateResult result = strata.migrate();
		this.last = strata;
		return result.applied().size();
	}

	@Override
	public void settle() {
		if (this.last != null) {
			this.last.awaitSnapshot();
			this.last = null;
		}
	}

	@Override
	public String historyCountSql() {
		return "SELECT count(*) FROM strata_schema_history WHERE success AND version IS NOT NULL";
	}

}
