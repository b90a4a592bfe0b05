package dev.strata.guard.rules.internal;

import static dev.strata.guard.rules.internal.Recognise.findings;
import static dev.strata.guard.rules.internal.Recognise.rules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KeywordRulesTest {

	@Test
	void createIndexNeedsConcurrently() {
		assertThat(rules("CREATE INDEX idx ON users (email)")).containsExactly("create-index-not-concurrently");
		assertThat(rules("CREATE UNIQUE INDEX IF NOT EXISTS idx ON ONLY users USING btree (email)"))
			.containsExactly("create-index-not-concurrently");
		assertThat(rules("CREATE INDEX ON users (email)")).containsExactly("create-index-not-concurrently");
		assertThat(rules("CREATE INDEX CONCURRENTLY idx ON users (email)")).isEmpty();
		assertThat(rules("CREATE TABLE t (a int); CREATE INDEX ON t (a)")).isEmpty();
		assertThat(findings("CREATE INDEX idx ON users (email)").get(0).table()).isEqualTo("users");
	}

	@Test
	void maintenance() {
		assertThat(rules("VACUUM FULL users")).containsExactly("vacuum-full");
		assertThat(rules("VACUUM (FULL, ANALYZE) users")).containsExactly("vacuum-full");
		assertThat(rules("VACUUM ANALYZE users")).isEmpty();
		assertThat(rules("CLUSTER users USING users_pkey")).containsExactly("cluster");
		assertThat(rules("REINDEX TABLE users")).containsExactly("reindex-not-concurrently");
		assertThat(rules("REINDEX TABLE CONCURRENTLY users")).isEmpty();
		assertThat(rules("REFRESH MATERIALIZED VIEW stats"))
			.containsExactly("refresh-materialized-view-not-concurrently");
		assertThat(rules("REFRESH MATERIALIZED VIEW CONCURRENTLY stats")).isEmpty();
		assertThat(findings("VACUUM FULL users").get(0).table()).isEqualTo("users");
	}

}
