package dev.strata.autoconfigure;

import javax.sql.DataSource;

import dev.strata.Strata;

import org.springframework.boot.jdbc.SchemaManagement;
import org.springframework.boot.jdbc.SchemaManagementProvider;

/**
 * Tells Spring Boot that Strata manages the schema of its DataSource, so Hibernate's
 * {@code ddl-auto} defaults to {@code none} instead of creating tables itself.
 */
class StrataSchemaManagementProvider implements SchemaManagementProvider {

	private final Iterable<Strata> instances;

	StrataSchemaManagementProvider(Iterable<Strata> instances) {
		this.instances = instances;
	}

	@Override
	public SchemaManagement getSchemaManagement(DataSource dataSource) {
		for (Strata strata : this.instances) {
			if (dataSource.equals(strata.config().dataSource())) {
				return SchemaManagement.MANAGED;
			}
		}
		return SchemaManagement.UNMANAGED;
	}

}
