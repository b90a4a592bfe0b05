package dev.strata.guard.rules.internal;

import static dev.strata.guard.rules.internal.Recognise.findings;
import static dev.strata.guard.rules.internal.Recognise.rules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DropRuleTest {

	@Test
	void reportsDropTable() {
		assertThat(rules("DROP TABLE users")).containsExactly("drop-table");
		assertThat(rules("drop table if exists a, \"B\"")).containsExactly("drop-table", "drop-table");
		assertThat(findings("DROP TABLE app.users").get(0).message()).isEqualTo("drops table app.users");
	}

	@Test
	void exemptsTablesCreatedInTheSameMigration() {
		assertThat(rules("CREATE TABLE tmp (id int); DROP TABLE tmp")).isEmpty();
		assertThat(rules("CREATE TABLE public.tmp (id int); DROP TABLE tmp CASCADE")).isEmpty();
		assertThat(rules("CREATE TABLE tmp (id int); DROP TABLE tmp, users")).containsExactly("drop-table");
	}

	@Test
	void quotedNamesKeepTheirCase() {
		assertThat(rules("CREATE TABLE \"Tmp\" (id int); DROP TABLE tmp")).containsExactly("drop-table");
		assertThat(rules("CREATE TABLE Tmp (id int); DROP TABLE \"tmp\"")).isEmpty();
	}

	@Test
	void reportsDropSchemaTypeSequenceMaterializedView() {
		assertThat(rules("DROP SCHEMA legacy")).containsExactly("drop-schema");
		assertThat(rules("DROP TYPE mood")).containsExactly("drop-type");
		assertThat(rules("DROP DOMAIN email")).containsExactly("drop-type");
		assertThat(rules("DROP SEQUENCE s")).containsExactly("drop-sequence");
		assertThat(rules("DROP MATERIALIZED VIEW IF EXISTS stats")).containsExactly("drop-materialized-view");
	}

	@Test
	void exemptsOtherObjectsCreatedInTheSameMigration() {
		assertThat(rules("CREATE TYPE mood AS ENUM ('a'); DROP TYPE mood")).isEmpty();
		assertThat(rules("CREATE SEQUENCE s; DROP SEQUENCE s")).isEmpty();
		assertThat(rules("CREATE SCHEMA tmp; CREATE TABLE tmp.t (id int); DROP SCHEMA tmp CASCADE")).isEmpty();
		assertThat(rules("CREATE INDEX i ON users (a); DROP INDEX i")).containsExactly("create-index-not-concurrently");
	}

	@Test
	void reportsCascadeBeyondTheNamedObject() {
		assertThat(rules("DROP TABLE users CASCADE")).containsExactly("drop-table", "cascade");
		assertThat(rules("DROP VIEW v CASCADE")).containsExactly("cascade");
		assertThat(rules("DROP VIEW v RESTRICT")).isEmpty();
	}

	@Test
	void dropIndexNeedsConcurrently() {
		assertThat(rules("DROP INDEX idx")).containsExactly("drop-index-not-concurrently");
		assertThat(rules("DROP INDEX CONCURRENTLY IF EXISTS idx")).isEmpty();
	}

	@Test
	void droppingCodeAndViewsIsNotReported() {
		assertThat(rules("DROP VIEW IF EXISTS v; DROP FUNCTION f(int, text); DROP TRIGGER t ON users;"
				+ " DROP POLICY p ON users"))
			.isEmpty();
	}

	@Test
	void reportsDropExtension() {
		assertThat(rules("DROP EXTENSION IF EXISTS pgcrypto")).containsExactly("drop-extension");
		assertThat(rules("DROP EXTENSION hstore, \"uuid-ossp\" CASCADE")).containsExactly("drop-extension",
				"drop-extension", "cascade");
		assertThat(findings("DROP EXTENSION hstore").get(0).message()).isEqualTo("drops extension hstore");
	}

	@Test
	void exemptsAnExtensionCreatedInTheSameMigration() {
		assertThat(rules("CREATE EXTENSION IF NOT EXISTS hstore WITH SCHEMA public; DROP EXTENSION hstore")).isEmpty();
		assertThat(rules("CREATE EXTENSION \"uuid-ossp\"; DROP EXTENSION IF EXISTS \"uuid-ossp\" CASCADE")).isEmpty();
		assertThat(rules("CREATE EXTENSION citext; DROP EXTENSION hstore")).containsExactly("drop-extension");
	}

	@Test
	void reportsDropDatabaseAndDropOwned() {
		assertThat(rules("DROP DATABASE IF EXISTS other")).containsExactly("drop-database");
		assertThat(rules("DROP OWNED BY app_user")).containsExactly("drop-owned");
	}

}
