package dev.strata.migration.java.scanned;

import java.sql.Statement;

import dev.strata.migration.java.BaseJavaMigration;
import dev.strata.migration.java.JavaMigrationContext;

/** Found by scanning: version 1.1 from the class name, as Flyway reads it. */
public class V1_1__Seed_currencies extends BaseJavaMigration {

	@Override
	public void migrate(JavaMigrationContext context) throws Exception {
		try (Statement statement = context.connection().createStatement()) {
			statement.execute("insert into currencies values ('EUR'), ('USD')");
		}
	}

}
