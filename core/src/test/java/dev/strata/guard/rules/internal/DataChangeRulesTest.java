package dev.strata.guard.rules.internal;

import static dev.strata.guard.rules.internal.Recognise.rules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DataChangeRulesTest {

	@Test
	void anyDeleteOnAnOldTable() {
		assertThat(rules("DELETE FROM sessions")).containsExactly("delete");
		assertThat(rules("DELETE FROM ONLY sessions WHERE expired")).containsExactly("delete");
		assertThat(rules("CREATE TABLE tmp (id int); DELETE FROM tmp")).isEmpty();
	}

	@Test
	void updateWithoutWhere() {
		assertThat(rules("UPDATE users SET active = true")).containsExactly("update-without-where");
		assertThat(rules("UPDATE users SET active = true WHERE active IS NULL")).isEmpty();
		assertThat(rules("UPDATE users u SET n = (SELECT count(*) FROM o WHERE o.u = u.id)"))
			.containsExactly("update-without-where");
		assertThat(rules("CREATE TABLE t (a int); UPDATE t SET a = 1")).isEmpty();
	}

	@Test
	void truncate() {
		assertThat(rules("TRUNCATE audit_log")).containsExactly("truncate");
		assertThat(rules("TRUNCATE TABLE a, b RESTART IDENTITY CASCADE")).containsExactly("truncate", "truncate",
				"cascade");
		assertThat(rules("CREATE TABLE s (a int); TRUNCATE s")).isEmpty();
	}

	@Test
	void dataModifyingWith() {
		assertThat(rules(
				"WITH gone AS (DELETE FROM users WHERE id < 10 RETURNING id) INSERT INTO log SELECT id" + " FROM gone"))
			.containsExactly("delete");
		assertThat(rules("WITH x AS (SELECT 1) UPDATE users SET a = 1")).containsExactly("update-without-where");
		assertThat(rules("WITH x AS (SELECT id FROM users) SELECT count(*) FROM x")).isEmpty();
		assertThat(rules("WITH x AS (SELECT id FROM users FOR UPDATE) SELECT 1")).isEmpty();
	}

	@Test
	void mergeThatDeletes() {
		assertThat(rules("MERGE INTO stock s USING incoming i ON s.id = i.id WHEN MATCHED THEN DELETE"))
			.containsExactly("delete");
		assertThat(rules("MERGE INTO stock s USING incoming i ON s.id = i.id WHEN MATCHED THEN UPDATE SET n = i.n"))
			.isEmpty();
	}

	@Test
	void enumValues() {
		assertThat(rules("ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy'")).containsExactly("rename-enum-value");
		assertThat(rules("ALTER TYPE mood DROP VALUE 'sad'")).containsExactly("drop-enum-value");
		assertThat(rules("ALTER TYPE mood ADD VALUE IF NOT EXISTS 'ok' AFTER 'sad'")).isEmpty();
		assertThat(rules("CREATE TYPE m AS ENUM ('a'); ALTER TYPE m RENAME VALUE 'a' TO 'b'")).isEmpty();
	}

	@Test
	void tablesCreatedByCreateTableAsAreNewToo() {
		assertThat(rules("CREATE TABLE t AS SELECT * FROM users; DROP TABLE t")).isEmpty();
		assertThat(rules("CREATE TABLE IF NOT EXISTS t (a, b) AS SELECT 1, 2; TRUNCATE t; DELETE FROM t")).isEmpty();
		assertThat(rules("CREATE UNLOGGED TABLE t AS SELECT 1; UPDATE t SET a = 1; DROP TABLE t")).isEmpty();
		assertThat(rules("CREATE TEMP TABLE t AS TABLE users; DROP TABLE t")).isEmpty();
		assertThat(rules("CREATE GLOBAL TEMPORARY TABLE app.t AS VALUES (1); DROP TABLE app.t")).isEmpty();
		assertThat(rules("CREATE TABLE t AS SELECT 1; DROP TABLE other")).containsExactly("drop-table");
	}

	@Test
	void tablesCreatedBySelectIntoAreNew() {
		assertThat(rules("SELECT * INTO t FROM users; DROP TABLE t")).isEmpty();
		assertThat(rules("SELECT id INTO TEMP t FROM users; TRUNCATE t")).isEmpty();
		assertThat(rules("SELECT id INTO TEMPORARY TABLE t FROM users; DELETE FROM t")).isEmpty();
		assertThat(rules("SELECT id INTO UNLOGGED app.t FROM users; DROP TABLE app.t")).isEmpty();
		assertThat(rules("select id into table \"T\" from users; drop table \"T\"")).isEmpty();
		assertThat(rules("SELECT id INTO t FROM users; DROP TABLE users")).containsExactly("drop-table");
	}

	@Test
	void intoInsideParenthesesCreatesNothing() {
		assertThat(rules("SELECT (SELECT 1) AS into_x FROM users; DROP TABLE into_x")).containsExactly("drop-table");
		assertThat(rules("SELECT * FROM users; DROP TABLE users")).containsExactly("drop-table");
	}

	@Test
	void selectIntoStillReportsUnknownFunctions() {
		assertThat(rules("SELECT purge_all() INTO t")).containsExactly("function-call");
	}

}
