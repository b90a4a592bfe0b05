package dev.strata.autoconfigure;

import javax.sql.DataSource;

import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;

import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Spring Boot asks who manages a DataSource's schema (Hibernate's ddl-auto default
 * depends on it).
 */
@StrataPostgres
class StrataSchemaManagementProviderTests {

	@Test
	void dataSourceStrataMigratesIsManagedAndAnyOtherIsNot(TestDatabase database) {
		StrataTestContexts.runner(database, "basic").run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(SchemaManagementProvider.class);
			SchemaManagementProvider provider = context.getBean(SchemaManagementProvider.class);
			assertThat(provider.getSchemaManagement(context.getBean(DataSource.class)))
				.isEqualTo(SchemaManagement.MANAGED);
			assertThat(provider.getSchemaManagement(database.dataSource())).isEqualTo(SchemaManagement.UNMANAGED);
		});
	}

}
