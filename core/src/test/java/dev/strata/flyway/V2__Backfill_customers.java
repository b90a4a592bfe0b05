package dev.strata.flyway;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A Flyway Java migration, as a Flyway project keeps one: Flyway records it with type
 * {@code JDBC} and no checksum.
 */
public class V2__Backfill_customers extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		try (Statement statement = context.getConnection().createStatement()) {
			statement.execute("update customers set name = 'unnamed' where name is null");
		}
	}

}
