package dev.strata.autoconfigure.actuate;

import java.nio.file.Files;
import java.nio.file.Path;

import dev.strata.error.ErrorCategory;
import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.error.StrataException;
import dev.strata.status.internal.StatusMonitor;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Outcomes that stop a migration still reach the meters. */
@StrataPostgres(databasePerTest = true)
class StrataMetricsTests {

	@TempDir
	Path migrations;

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final StrataMetrics metrics = new StrataMetrics(this.registry,
			new StaticListableBeanFactory().getBeanProvider(StatusMonitor.class));

	@Test
	void refusedMigrationIsCounted(TestDatabase database) throws Exception {
		Files.writeString(this.migrations.resolve("V1__customers.sql"), "create table customers (id int);");
		strata(database, false).migrate();
		Files.writeString(this.migrations.resolve("V2__drop.sql"), "drop table customers;");

		StrataException refusal = catchThrowableOfType(StrataException.class, () -> strata(database, false).migrate());

		assertThat(refusal.category()).isEqualTo(ErrorCategory.REFUSED);
		assertThat(counter("refused")).isEqualTo(1);
		assertThat(counter("applied")).isEqualTo(1);
	}

	@Test
	void failedMigrationIsCountedAndTimed(TestDatabase database) throws Exception {
		Files.writeString(this.migrations.resolve("V1__broken.sql"), "create table t (id int);\nselect 1/0;");

		catchThrowableOfType(StrataException.class, () -> strata(database, false).migrate());

		assertThat(counter("failed")).isEqualTo(1);
		assertThat(this.registry.get("strata.migration.duration").tag("outcome", "failed").timer().count())
			.isEqualTo(1);
	}

	@Test
	void baselineIsCounted(TestDatabase database) throws Exception {
		database.execute("create table legacy (id int)");
		Files.writeString(this.migrations.resolve("V1__legacy.sql"), "create table legacy (id int);");
		Files.writeString(this.migrations.resolve("V2__more.sql"), "create table more (id int);");

		strata(database, true).migrate();

		assertThat(counter("baselined")).isEqualTo(1);
		assertThat(counter("applied")).isEqualTo(1);
	}

	private Strata strata(TestDatabase database, boolean baselineOnMigrate) {
		return new Strata(StrataConfig.builder(database.dataSource())
			.locations("filesystem:" + this.migrations)
			.baselineOnMigrate(baselineOnMigrate)
			.listener(this.metrics)
			.build());
	}

	private double counter(String outcome) {
		return this.registry.get("strata.migrations").tag("outcome", outcome).counter().count();
	}

}
