package dev.strata.migration.java.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.strata.migration.Migration;
import dev.strata.migration.MigrationDirectives;
import dev.strata.migration.MigrationDirectives.AllowDirective;
import dev.strata.migration.MigrationKind;
import dev.strata.migration.MigrationRun;
import dev.strata.migration.PreparedMigration;
import dev.strata.migration.java.Allow;
import dev.strata.migration.java.JavaMigration;
import dev.strata.migration.java.JavaMigrationContext;
import dev.strata.source.MigrationSourceException;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;
import dev.strata.targets.MigrationTarget;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JavaMigration} as the pipeline sees it: its version and description read once,
 * its {@link Allow} annotations as whole-migration directives, and a body that hands the
 * user's code the migration's connection.
 */
public final class ResolvedJavaMigration implements Migration {

	private final JavaMigration migration;

	private final MigrationTarget target;

	private final @Nullable Version version;

	private final String description;

	private final int checksum;

	/**
	 * @throws MigrationSourceException naming the class if its version or description is
	 * invalid
	 */
	public ResolvedJavaMigration(JavaMigration migration, MigrationTarget target) {
		this.migration = migration;
		this.target = target;
		String version = migration.version();
		try {
			this.version = (version != null) ? Version.parse(version) : null;
		}
		catch (IllegalArgumentException ex) {
			throw new MigrationSourceException(className(),
					"has an invalid version '" + version + "': " + ex.getMessage(),
					"return a version such as 12 or 1.2 from version(), or null for a repeatable one");
		}
		String description = migration.description();
		if (description == null || description.isBlank()) {
			throw new MigrationSourceException(className(), "has no description",
					"return what it does from description()");
		}
		this.description = description.trim();
		Integer checksum = migration.checksum();
		this.checksum = (checksum != null) ? checksum : 0;
	}

	/** The user's migration. */
	public JavaMigration migration() {
		return this.migration;
	}

	@Override
	public MigrationKind kind() {
		return MigrationKind.JAVA;
	}

	@Override
	public MigrationType type() {
		return (this.version != null) ? MigrationType.VERSIONED : MigrationType.REPEATABLE;
	}

	@Override
	public @Nullable Version version() {
		return this.version;
	}

	@Override
	public String description() {
		return this.description;
	}

	@Override
	public String script() {
		return className();
	}

	@Override
	public String location() {
		return className();
	}

	@Override
	public int checksum() {
		return this.checksum;
	}

	@Override
	public PreparedMigration prepare() {
		MigrationDirectives directives = new MigrationDirectives(!this.migration.canExecuteInTransaction(),
				this.migration.lockTimeout(), this.migration.statementTimeout(), allows());
		return PreparedMigration.ofCode(this, directives, this::run);
	}

	private void run(MigrationRun run) throws SQLException {
		Connection connection = run.connection();
		JavaMigrationContext context = new Context(connection, run.transactional(), this.target);
		try {
			this.migration.migrate(context);
		}
		catch (SQLException ex) {
			throw ex;
		}
		catch (Exception ex) {
			throw new SQLException(className() + " threw " + ex, ex);
		}
	}

	private List<AllowDirective> allows() {
		List<AllowDirective> allows = new ArrayList<>();
		for (Allow allow : JavaMigrationName.userClass(this.migration.getClass()).getAnnotationsByType(Allow.class)) {
			allows.add(new AllowDirective(List.of(allow.rules()), allow.reason(), 1, AllowDirective.WHOLE_FILE));
		}
		return allows;
	}

	private String className() {
		return JavaMigrationName.userClass(this.migration.getClass()).getName();
	}

	@Override
	public String toString() {
		return displayName() + " " + className();
	}

	private record Context(Connection connection, boolean transactional,
			MigrationTarget target) implements JavaMigrationContext {

	}

}
