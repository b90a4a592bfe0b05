package dev.strata.guard.rules.internal;

import static dev.strata.guard.rules.internal.Recognise.rules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReviewRulesTest {

	@Test
	void doBlock() {
		assertThat(rules("DO $$ BEGIN RAISE NOTICE 'hi'; END $$")).containsExactly("do-block");
		assertThat(rules("DO LANGUAGE plpgsql $body$ BEGIN PERFORM 1; END $body$")).containsExactly("do-block");
	}

	@Test
	void doBlockWithExecuteIsDynamicSql() {
		assertThat(rules("DO $$ BEGIN EXECUTE 'DROP TABLE ' || 'customers'; END $$")).containsExactly("dynamic-sql");
		assertThat(rules("DO $$ BEGIN RAISE NOTICE 'EXECUTE'; END $$")).containsExactly("do-block");
		assertThat(rules("EXECUTE stmt(1)")).containsExactly("dynamic-sql");
	}

	@Test
	void functionCalls() {
		assertThat(rules("SELECT archive_old_orders()")).containsExactly("function-call");
		assertThat(rules("SELECT app.cleanup(30)")).containsExactly("function-call");
		assertThat(rules("CALL refresh_all()")).containsExactly("function-call");
		assertThat(rules("SELECT setval('users_id_seq', (SELECT max(id) FROM users))")).isEmpty();
		assertThat(rules("SELECT set_config('search_path', 'app', false)")).isEmpty();
		assertThat(rules("SELECT 1 WHERE EXISTS (SELECT 1 FROM users)")).isEmpty();
		assertThat(rules("SELECT CAST('1' AS int), '2'::numeric(10, 2)")).isEmpty();
	}

	@Test
	void unknownStatementsFailClosed() {
		assertThat(rules("FROBNICATE users")).containsExactly("unrecognised-statement");
		assertThat(rules("ALTER SYSTEM SET work_mem = '1GB'")).containsExactly("unrecognised-statement");
		assertThat(rules("EXPLAIN ANALYZE DELETE FROM users")).containsExactly("unrecognised-statement");
		assertThat(rules("CREATE WIDGET w")).containsExactly("unrecognised-statement");
	}

}
