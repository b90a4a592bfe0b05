package dev.strata.migration.java.scanned;

import java.sql.Statement;

import dev.strata.migration.java.BaseJavaMigration;
import dev.strata.migration.java.JavaMigrationContext;

/** Found by scanning: a name of its own, the version and description declared. */
class AddFrancs extends BaseJavaMigration {

	@Override
	public String version() {
		return "1.2";
	}

	@Override
	public String description() {
		return "add francs";
	}

	@Override
	public void migrate(JavaMigrationContext context) throws Exception {
		try (Statement statement = context.connection().createStatement()) {
			statement.execute("insert into currencies values ('CHF')");
		}
	}

}
