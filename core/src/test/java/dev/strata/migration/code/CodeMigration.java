package dev.strata.migration.code;

import java.util.List;

import dev.strata.migration.Migration;
import dev.strata.migration.MigrationBody;
import dev.strata.migration.MigrationDirectives;
import dev.strata.migration.MigrationKind;
import dev.strata.migration.PreparedMigration;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;
import org.jspecify.annotations.Nullable;

/**
 * A second kind of migration, for tests only: a lambda that runs on the migration's
 * connection. It shows what a new kind needs (this class and a resolver) and that the
 * planner, the guard's effect check, the executor, the history and status treat it like a
 * SQL file without knowing it. A Java migration kind would add the class scanning and
 * declared directives on top.
 */
public record CodeMigration(@Nullable Version version, String description, int checksum, MigrationDirectives directives,
		MigrationBody body) implements Migration {

	/** A versioned migration that runs in a transaction with no directives. */
	public static CodeMigration versioned(String version, String description, MigrationBody body) {
		return new CodeMigration(Version.parse(version), description, description.hashCode(), MigrationDirectives.NONE,
				body);
	}

	/** The same migration with these directives. */
	public CodeMigration with(MigrationDirectives directives) {
		return new CodeMigration(this.version, this.description, this.checksum, directives, this.body);
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
	public String script() {
		return "code:" + this.description;
	}

	@Override
	public String location() {
		return "code:" + ((this.version != null) ? "V" + this.version : "R") + "__" + this.description;
	}

	@Override
	public PreparedMigration prepare() {
		return PreparedMigration.ofCode(this, this.directives, this.body);
	}

	/** Allows these guard rules for the whole migration. */
	public static MigrationDirectives allowing(String rule, String reason) {
		return new MigrationDirectives(false, null, null, List.of(new MigrationDirectives.AllowDirective(List.of(rule),
				reason, 1, MigrationDirectives.AllowDirective.WHOLE_FILE)));
	}

}
