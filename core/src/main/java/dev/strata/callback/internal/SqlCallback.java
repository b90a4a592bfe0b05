package dev.strata.callback.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import dev.strata.callback.CallbackContext;
import dev.strata.callback.CallbackEvent;
import dev.strata.callback.StrataCallback;
import dev.strata.migration.PreparedMigration;
import dev.strata.migration.sql.PlaceholderContext;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.source.internal.CallbackFile;
import dev.strata.sql.SqlStatement;
import org.jspecify.annotations.Nullable;

/**
 * A SQL callback file: split and checked like a migration file (its {@code strata:}
 * directives included), judged by the guard before anything runs, and run statement by
 * statement on the connection it is given.
 */
final class SqlCallback implements StrataCallback {

	private final CallbackEvent event;

	private final SqlMigration file;

	private @Nullable PreparedMigration prepared;

	SqlCallback(CallbackFile file, PlaceholderContext placeholders) {
		this.event = CallbackEvent.ofFileName(file.name().event());
		this.file = new SqlMigration(file.file(), placeholders);
	}

	/** The file as a migration, for the preparer and the guard. */
	SqlMigration file() {
		return this.file;
	}

	void prepared(PreparedMigration prepared) {
		this.prepared = prepared;
	}

	/**
	 * Whether it can run inside a transaction (no {@code CONCURRENTLY}, no directive).
	 */
	boolean transactional() {
		return prepared().transactional();
	}

	@Override
	public boolean supports(CallbackEvent event) {
		return event == this.event;
	}

	@Override
	public void handle(CallbackEvent event, CallbackContext context) throws SQLException {
		Connection connection = context.connection();
		try (Statement statement = connection.createStatement()) {
			for (SqlStatement sql : prepared().statements()) {
				try {
					statement.execute(sql.text());
				}
				catch (SQLException ex) {
					throw new SQLException("statement at line " + sql.line() + " (" + sql.abbreviated(80) + ") failed: "
							+ ex.getMessage(), ex.getSQLState(), ex);
				}
			}
		}
	}

	@Override
	public String name() {
		return this.file.location();
	}

	private PreparedMigration prepared() {
		PreparedMigration prepared = this.prepared;
		if (prepared == null) {
			prepared = this.file.prepare();
			this.prepared = prepared;
		}
		return prepared;
	}

}
