package dev.strata.migration.java;

import dev.strata.migration.java.internal.JavaMigrationName;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JavaMigration} whose version and description come from its class name, as
 * Flyway's {@code BaseJavaMigration} does: {@code V12__Backfill_totals} is version 12,
 * "Backfill totals"; {@code V1_2__Split_orders} is version 1.2; {@code R__Refresh_totals}
 * is repeatable. Override {@link #version()} or {@link #description()} to declare them
 * instead (then the class may have any name).
 */
public abstract class BaseJavaMigration implements JavaMigration {

	private @Nullable JavaMigrationName name;

	@Override
	public @Nullable String version() {
		return name().version();
	}

	@Override
	public String description() {
		return name().description();
	}

	private JavaMigrationName name() {
		JavaMigrationName name = this.name;
		if (name == null) {
			name = JavaMigrationName.parse(getClass());
			this.name = name;
		}
		return name;
	}

}
