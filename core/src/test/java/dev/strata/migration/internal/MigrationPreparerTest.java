package dev.strata.migration.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;

import dev.strata.source.MigrationFile;
import dev.strata.migration.sql.SqlMigration;
import dev.strata.migration.Migration;
import dev.strata.source.MigrationType;
import dev.strata.source.Version;
import org.junit.jupiter.api.Test;
import dev.strata.migration.MigrationPreparationException;
import dev.strata.migration.PreparedMigration;

class MigrationPreparerTest {

	private static Migration file(String version, String sql) {
		return new SqlMigration(new MigrationFile(MigrationType.VERSIONED, Version.parse(version), "test",
				"V" + version + "__test.sql", "V" + version + "__test.sql", sql, 0));
	}

	@Test
	void handsEachMigrationOnAsSoonAsItIsPrepared() {
		List<String> seen = new ArrayList<>();
		List<Integer> counts = new MigrationPreparer().prepare(
				List.of(file("1", "SELECT 1; SELECT 2"), file("2", "CREATE INDEX CONCURRENTLY i ON t (c)")),
				(migration) -> {
					seen.add(migration.migration().location() + " " + migration.transactional());
					return migration.statements().size();
				});
		assertThat(counts).containsExactly(2, 1);
		assertThat(seen).containsExactly("V1__test.sql true", "V2__test.sql false");
	}

	@Test
	void collectsTheErrorsOfEveryFileAndHandsOnOnlyThoseThatCanRun() {
		List<String> seen = new ArrayList<>();
		assertThatThrownBy(() -> new MigrationPreparer().prepare(
				List.of(file("1", "SELECT 'open"), file("2", "SELECT 2"),
						file("3", "CREATE INDEX CONCURRENTLY i ON t (c); SELECT 3")),
				(migration) -> seen.add(migration.migration().location())))
			.isInstanceOfSatisfying(MigrationPreparationException.class,
					(ex) -> assertThat(ex.errors()).hasSize(2)
						.satisfiesExactly((error) -> assertThat(error).contains("V1__test.sql"),
								(error) -> assertThat(error).contains("V3__test.sql")));
		assertThat(seen).containsExactly("V2__test.sql");
	}

	@Test
	void preparingAListIsHandingOnEachMigrationAsItIs() {
		List<Migration> files = List.of(file("1", "SELECT 1"), file("2", "-- strata:no-transaction\nVACUUM t"));
		List<PreparedMigration> prepared = new MigrationPreparer().prepare(files);
		assertThat(prepared).extracting(PreparedMigration::migration).containsExactlyElementsOf(files);
		assertThat(prepared).extracting(PreparedMigration::transactional).containsExactly(true, false);
	}

	@Test
	void transactionCommandsInATransactionalFileAreRefusedWithEveryLineNamed() {
		Migration file = file("2", "create table a (id int);\ncommit;\ncreate table b (id int);\nselect 1/0;\n"
				+ "BEGIN  ISOLATION LEVEL SERIALIZABLE;\nsavepoint s;");

		assertThatThrownBy(() -> new MigrationPreparer().prepare(List.of(file)))
			.isInstanceOfSatisfying(MigrationPreparationException.class, (ex) -> assertThat(ex.errors())
				.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.startsWith("V2__test.sql:2 controls its transaction itself (line 2: commit; line 5: BEGIN ISOLATION"
						+ " LEVEL SERIALIZABLE; line 6: savepoint s)")
				.contains("add the line '-- strata:no-transaction'"));
	}

	@Test
	void everyKindOfTransactionCommandIsRecognised() {
		for (String command : List.of("begin", "BEGIN WORK", "begin transaction read only", "start transaction",
				"commit", "commit work", "COMMIT AND CHAIN", "commit and no chain", "end", "end transaction",
				"rollback", "rollback to savepoint s", "rollback work to s", "abort", "abort and chain", "savepoint s",
				"release savepoint s", "release s", "prepare transaction 'x'", "commit prepared 'x'",
				"rollback prepared 'x'")) {
			assertThatThrownBy(() -> file("1", "select 1;\n" + command).prepare()).as(command)
				.hasMessageContaining("V1__test.sql:2 controls its transaction itself");
		}
	}

	@Test
	void wordsThatOnlyLookLikeTransactionCommandsAreNot() {
		for (String sql : List.of("create function f() returns int language sql begin atomic select 1; end",
				"do $$ begin perform 1; end $$", "prepare transaction_stmt as select 1",
				"create table t (commit int, savepoint text)", "select 'commit'", "start_transaction()")) {
			assertThat(file("1", sql).prepare().transactional()).as(sql).isTrue();
		}
	}

	@Test
	void noTransactionFileRunsItsOwnTransactionsAsWritten() {
		PreparedMigration migration = file("1",
				"-- strata:no-transaction\nbegin;\ncreate table a (id int);\ncommit;\nstart transaction;\n"
						+ "create table b (id int);\ncommit and chain;\ncreate table c (id int);\nend;")
			.prepare();
		assertThat(migration.transactional()).isFalse();
		assertThat(migration.nonTransactionalReason()).isEqualTo("strata:no-transaction directive");
	}

	@Test
	void noTransactionFileThatLeavesItsBlockOpenIsRefused() {
		assertThatThrownBy(() -> file("1",
				"-- strata:no-transaction\nbegin;\ncreate table a (id int);\ncommit and chain;\ncreate table b (id int);")
			.prepare()).isInstanceOf(dev.strata.source.MigrationSourceException.class)
			.hasMessageContaining("V1__test.sql:4 opens a transaction block (commit and chain) that it never ends");
	}

	@Test
	void doBlockThatCommitsMakesItsFileNonTransactionalAlongsideOtherStatements() {
		PreparedMigration migration = file("1", """
				create table batches (n int);
				do $$
				begin
				  for i in 1..3 loop
				    insert into batches values (i); -- commit; in a comment does not count
				    commit;
				  end loop;
				end
				$$;
				create index batches_n on batches (n);
				""").prepare();
		assertThat(migration.transactional()).isFalse();
		assertThat(migration.nonTransactionalReason()).isEqualTo("DO block that commits at line 2");
	}

	@Test
	void doBlockThatRollsBackInAPlainStringIsSeenToo() {
		PreparedMigration migration = file("1",
				"select 1;\nDO LANGUAGE plpgsql 'BEGIN IF true THEN ROLLBACK; END IF; RAISE NOTICE ''commit''; END'")
			.prepare();
		assertThat(migration.nonTransactionalReason()).isEqualTo("DO block that rolls back at line 2");
	}

	@Test
	void doBlockThatOnlyMentionsCommitStaysTransactional() {
		PreparedMigration migration = file("1", """
				do $$
				declare commit_count int := 0;
				begin
				  raise notice 'commit;';
				  select commit into commit_count from t;
				  -- commit;
				  execute $q$ commit $q$;
				end
				$$;
				""").prepare();
		assertThat(migration.transactional()).isTrue();
	}

	@Test
	void callOfAProcedureTheFileCreatesThatCommitsMakesItNonTransactional() {
		PreparedMigration migration = file("1", """
				create table batches (n int);
				create or replace procedure public."Fill"(n int default 'commit')
				language plpgsql
				as $$
				begin
				  insert into batches values (n);
				  commit;
				end
				$$;
				call public."Fill"(1);
				""").prepare();
		assertThat(migration.transactional()).isFalse();
		assertThat(migration.nonTransactionalReason())
			.isEqualTo("CALL of procedure Fill, which commits or rolls back, at line 10");
	}

	@Test
	void procedureThatDoesNotCommitOrIsNotCalledLeavesTheFileTransactional() {
		assertThat(file("1", """
				create procedure p(a text default 'commit') language plpgsql as $$ begin perform 1; end $$;
				call p();
				create procedure q() language plpgsql as $$ begin commit; end $$;
				""").prepare().transactional()).isTrue();
	}

}
