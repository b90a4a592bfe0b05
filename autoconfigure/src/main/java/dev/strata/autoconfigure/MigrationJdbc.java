package dev.strata.autoconfigure;

import java.sql.Connection;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.util.Assert;

/**
 * Spring's JDBC helpers on the connection a Java migration or callback is given, so that
 * what they run belongs to the migration: inside its transaction, under its timeouts and
 * the migration lock, seen by the effect check. The application's {@code JdbcTemplate}
 * bean is the wrong tool inside a migration: it borrows another connection from the pool
 * (outside the migration's transaction), and it waits for the migrations to finish before
 * it can be created at all.
 *
 * <pre class="code">
 * public void migrate(JavaMigrationContext context) {
 *     JdbcClient jdbc = MigrationJdbc.client(context.connection());
 *     jdbc.sql("update orders set total = 0 where total is null").update();
 * }
 * </pre>
 */
public final class MigrationJdbc {

	private MigrationJdbc() {
	}

	/** A {@link JdbcTemplate} on {@code connection}, which it never closes. */
	public static JdbcTemplate template(Connection connection) {
		Assert.notNull(connection, "'connection' must not be null");
		return new JdbcTemplate(new SingleConnectionDataSource(connection, true));
	}

	/** A {@link JdbcClient} on {@code connection}, which it never closes. */
	public static JdbcClient client(Connection connection) {
		return JdbcClient.create(template(connection));
	}

}
