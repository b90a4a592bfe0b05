package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Supplier;

import dev.strata.migration.java.JavaMigration;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two configurations have equal {@link StrataConfig.MigrationSources} exactly when they
 * find their migrations the same way: what a fleet relies on to read them once for every
 * tenant instead of once per tenant, without taking one tenant's files for another's.
 * Nothing here connects.
 */
class MigrationSourcesTest {

	private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

	@Test
	void targetsConfiguredAlikeHaveEqualSources() {
		Supplier<List<JavaMigration>> beans = List::of;

		assertThat(tenant("acme").javaMigrations(beans).build().migrationSources())
			.isEqualTo(tenant("globex").javaMigrations(beans).build().migrationSources());
	}

	@Test
	void anythingThatChangesWhichMigrationsAreFoundOrHowTheyArePlannedTellsThemApart() {
		StrataConfig.MigrationSources base = tenant("acme").build().migrationSources();

		assertThat(tenant("acme").locations("filesystem:/srv/db", "filesystem:/srv/acme").build().migrationSources())
			.isNotEqualTo(base);
		assertThat(tenant("acme").outOfOrder(true).build().migrationSources()).isNotEqualTo(base);
		assertThat(tenant("acme").placeholder("region", "eu").build().migrationSources()).isNotEqualTo(base);
		assertThat(tenant("acme").javaMigrationPackages("com.example.db").build().migrationSources())
			.isNotEqualTo(base);
		assertThat(tenant("acme").classLoader(new ClassLoader() {
		}).build().migrationSources()).isNotEqualTo(base);
	}

	@Test
	void objectsGivenToTheBuilderCompareByIdentity() {
		// two suppliers that would give the same today may not tomorrow: not taken as
		// equal
		assertThat(tenant("acme").javaMigrations(List::of).build().migrationSources())
			.isNotEqualTo(tenant("globex").javaMigrations(List::of).build().migrationSources());
		assertThat(tenant("acme").callbacks(List::of).build().migrationSources())
			.isNotEqualTo(tenant("globex").callbacks(List::of).build().migrationSources());
	}

	private StrataConfig.Builder tenant(String schema) {
		return StrataConfig.builder(this.dataSource)
			.locations("filesystem:/srv/db")
			.schema(schema)
			.targetName(schema)
			.searchPath(List.of(schema));
	}

}
