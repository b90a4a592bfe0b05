package dev.strata.migration.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import dev.strata.error.ErrorCategory;
import dev.strata.MigrateResult;
import dev.strata.Strata;
import dev.strata.StrataConfig;
import dev.strata.execute.MigrationFailedException;
import dev.strata.guard.GuardRefusedException;
import dev.strata.plan.MigrationState;
import dev.strata.source.MigrationSourceException;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A second kind of migration ({@link CodeMigration}) goes through the same pipeline as
 * SQL files: one version order, one history, the effect check, status.
 */
@StrataPostgres(databasePerTest = true)
class CodeMigrationTest {

	@TempDir
	Path dir;

	@Test
	void runsBetweenSqlFilesInVersionOrderAndIsRecordedAsItsKind(TestDatabase db) throws Exception {
		sql("V1__accounts.sql", "create table accounts (id int primary key, total int);");
		sql("V3__not_null.sql", "alter table accounts alter column total set not null;");
		List<String> seen = new ArrayList<>();
		CodeMigration backfill = CodeMigration.versioned("2", "backfill totals", (run) -> {
			seen.add("transactional=" + run.transactional() + " lock_timeout=" + run.lockTimeout());
			try (Statement statement = run.connection().createStatement()) {
				statement.execute("insert into accounts values (1, null), (2, null)");
			}
			run.statement(0, "update accounts set total = 0 where total is null", false);
		});

		MigrateResult result = strata(db, backfill).migrate();

		assertThat(result.applied()).extracting(MigrateResult.AppliedReport::version).containsExactly("1", "2", "3");
		assertThat(seen).containsExactly("transactional=true lock_timeout=PT10S");
		assertThat(db.queryForObject("select count(*) from accounts where total = 0", Long.class)).isEqualTo(2);
		assertThat(history(db)).containsExactly("1|SQL|true", "2|JAVA|true", "3|SQL|true");
		assertThat(db.queryForObject("select script from strata_schema_history where version = '2'", String.class))
			.isEqualTo("code:backfill totals");
		assertThat(strata(db, backfill).status().migrations()).extracting((status) -> status.state())
			.containsOnly(MigrationState.APPLIED);
	}

	@Test
	void failingCodeRollsBackItsMigrationAndNamesIt(TestDatabase db) throws Exception {
		sql("V1__accounts.sql", "create table accounts (id int primary key);");
		CodeMigration broken = CodeMigration.versioned("2", "copy ledger", (run) -> {
			run.statement(0, "create table ledger_copy (id int)", false);
			run.statement(1, "insert into ledger_copy select id from ledger", false);
		});

		MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
				() -> strata(db, broken).migrate());

		assertThat(ex.category()).isEqualTo(ErrorCategory.MIGRATION_FAILED);
		assertThat(ex.rolledBack()).isTrue();
		assertThat(ex.sqlState()).isEqualTo("42P01");
		assertThat(ex.getMessage()).contains("V2 (copy ledger)")
			.contains("code:V2__copy ledger")
			.contains("statement 2");
		assertThat(db.queryForObject("select to_regclass('ledger_copy') is null", Boolean.class)).isTrue();
		assertThat(history(db)).containsExactly("1|SQL|true");
	}

	@Test
	void failureInTheCodeItselfIsReportedAsTheMigrationsOwnCode(TestDatabase db) throws SQLException {
		CodeMigration broken = CodeMigration.versioned("1", "bad query", (run) -> {
			try (Statement statement = run.connection().createStatement()) {
				statement.execute("select * from nowhere");
			}
		});

		MigrationFailedException ex = catchThrowableOfType(MigrationFailedException.class,
				() -> strata(db, broken).migrate());

		assertThat(ex.getMessage()).contains("V1 (bad query)").contains("the migration's own code");
		assertThat(history(db)).isEmpty();
	}

	@Test
	void effectCheckRefusesWhatTheCodeDestroyedUnlessItIsAllowed(TestDatabase db) throws Exception {
		sql("V1__accounts.sql", "create table accounts (id int primary key);");
		CodeMigration drop = CodeMigration.versioned("2", "retire accounts", (run) -> {
			try (Statement statement = run.connection().createStatement()) {
				statement.execute("drop table accounts");
			}
		});

		GuardRefusedException refused = catchThrowableOfType(GuardRefusedException.class,
				() -> strata(db, drop).migrate());

		assertThat(refused.getMessage()).contains("drop-table").contains("V2 (retire accounts)");
		assertThat(db.queryForObject("select to_regclass('accounts') is not null", Boolean.class)).isTrue();
		assertThat(history(db)).containsExactly("1|SQL|true");

		strata(db, drop.with(CodeMigration.allowing("drop-table", "replaced by customers"))).migrate();

		assertThat(db.queryForObject("select to_regclass('accounts') is null", Boolean.class)).isTrue();
		assertThat(history(db)).containsExactly("1|SQL|true", "2|JAVA|true");
	}

	@Test
	void aVersionTakenByBothKindsIsRefusedNamingBoth(TestDatabase db) throws Exception {
		sql("V1__accounts.sql", "create table accounts (id int primary key);");
		CodeMigration same = CodeMigration.versioned("1", "accounts again", (run) -> {
		});

		MigrationSourceException ex = catchThrowableOfType(MigrationSourceException.class,
				() -> strata(db, same).migrate());

		assertThat(ex.getMessage()).contains("code:V1__accounts again")
			.contains("V1__accounts.sql")
			.contains("same version 1");
		assertThat(db.queryForObject("select to_regclass('strata_schema_history') is null", Boolean.class)).isTrue();
	}

	private void sql(String name, String text) throws Exception {
		Files.writeString(this.dir.resolve(name), text);
	}

	private Strata strata(TestDatabase db, CodeMigration... migrations) {
		return new Strata(StrataConfig.builder(db.dataSource())
			.locations("filesystem:" + this.dir)
			.resolver(() -> List.of(migrations))
			.lockWaitTimeout(Duration.ofSeconds(30))
			.build());
	}

	private static List<String> history(TestDatabase db) throws SQLException {
		List<String> rows = new ArrayList<>();
		try (var connection = db.connect();
				var statement = connection.createStatement();
				var rs = statement.executeQuery(
						"select version, type, success from strata_schema_history" + " order by installed_rank")) {
			while (rs.next()) {
				rows.add(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getBoolean(3));
			}
		}
		return rows;
	}

}
