package dev.strata.autoconfigure.migrator;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import dev.strata.fleet.Shard;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * With {@code strata.tenants.*} the migrator's migrate, validate and status run over
 * every tenant: the JSON lists each, the text summarises and lists failures, and a failed
 * tenant makes exit code 5 while the others are migrated.
 */
@StrataPostgres(databasePerTest = true)
class FleetMigratorTests {

	private static final String TENANTS = "strata.tenants.schemas=acme,globex,initech,umbrella";

	@TempDir
	Path migrations;

	@Test
	void aFailedTenantExitsFiveAndARerunPicksItUp(TestDatabase db) {
		MigratorRun.write(this.migrations, "V1__accounts.sql", "create table accounts (id int primary key);");
		MigratorRun.write(this.migrations, "V2__notes.sql", "create table notes (id int primary key);");
		MigratorRun.run(db, this.migrations, TENANTS, "strata.tenants.parallelism=2");
		db.execute("delete from initech.strata_schema_history where version = '2'");

		MigratorRun failed = MigratorRun.run(db, this.migrations, TENANTS, "strata.migrator.output=json");

		assertThat(failed.exitCode).as(failed.output).isEqualTo(5);
		JsonNode json = failed.json();
		assertThat(json.at("/error/category").asString()).isEqualTo("MIGRATION_FAILED");
		assertThat(json.at("/error/message").asString()).contains("1 of 4 tenants failed: initech");
		assertThat(json.at("/fleet/counts/UP_TO_DATE").asInt()).isEqualTo(3);
		assertThat(json.at("/fleet/counts/FAILED").asInt()).isEqualTo(1);
		assertThat(json.at("/fleet/tenants")).as("every tenant, not only the failed one")
			.extracting((tenant) -> tenant.get("name").asString())
			.containsExactly("acme", "globex", "initech", "umbrella");
		JsonNode initech = json.at("/fleet/tenants/2");
		assertThat(initech.get("name").asString()).isEqualTo("initech");
		assertThat(initech.get("state").asString()).isEqualTo("FAILED");
		assertThat(initech.get("error").asString()).contains("notes").contains("already exists");

		MigratorRun text = MigratorRun.run(db, this.migrations, TENANTS);
		assertThat(text.exitCode).isEqualTo(5);
		assertThat(text.output).contains("Tenants: 4 tenants: 3 up to date, 1 failed")
			.contains("  - initech: FAILED: ")
			.doesNotContain("  - acme");

		db.execute("drop table initech.notes");
		MigratorRun rerun = MigratorRun.run(db, this.migrations, TENANTS, "strata.migrator.output=json");

		assertThat(rerun.exitCode).as(rerun.output).isZero();
		assertThat(rerun.json().at("/fleet/counts/APPLIED").asInt()).isEqualTo(1);
		assertThat(rerun.json().at("/fleet/tenants/2/applied").asInt()).isEqualTo(1);
		assertThat(rerun.json().at("/fleet/counts/UP_TO_DATE").asInt()).isEqualTo(3);
	}

	@Test
	void validateAndStatusReportEveryTenant(TestDatabase db) {
		MigratorRun.write(this.migrations, "V1__accounts.sql", "create table accounts (id int primary key);");
		MigratorRun.run(db, this.migrations, "strata.tenants.schemas=acme,globex");

		MigratorRun status = MigratorRun.run(db, this.migrations, TENANTS, "strata.migrator.command=status",
				"strata.migrator.output=json");
		MigratorRun validate = MigratorRun.run(db, this.migrations, TENANTS, "strata.migrator.command=validate",
				"strata.migrator.output=json");

		assertThat(status.exitCode).as(status.output).isZero();
		assertThat(status.json().at("/fleet/counts/UP_TO_DATE").asInt()).isEqualTo(2);
		assertThat(status.json().at("/fleet/counts/PENDING").asInt()).isEqualTo(2);
		assertThat(validate.exitCode).isEqualTo(3);
		assertThat(validate.json().at("/error/message").asString()).contains("2 of 4 tenants have pending migrations");
	}

	@Test
	void aShardTakesItsTenantsByTheirHash(TestDatabase db) {
		MigratorRun.write(this.migrations, "V1__accounts.sql", "create table accounts (id int primary key);");
		List<String> all = List.of("acme", "globex", "initech", "umbrella");
		List<String> first = all.stream().filter(new Shard(0, 2)::selects).toList();

		MigratorRun shard = MigratorRun.run(db, this.migrations, TENANTS, "strata.tenants.shard-count=2",
				"JOB_COMPLETION_INDEX=0", "strata.migrator.output=json");

		assertThat(shard.exitCode).as(shard.output).isZero();
		assertThat(shard.json().at("/fleet/tenants").valueStream().map((tenant) -> tenant.get("name").asString()))
			.containsExactlyElementsOf(first);
		assertThat(db.queryForObject(
				"select count(*) from pg_namespace where nspname in ('acme', 'globex'," + " 'initech', 'umbrella')",
				Long.class))
			.isEqualTo(first.size());
	}

}
