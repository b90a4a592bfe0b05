package dev.strata.guard.rules.internal;

import static dev.strata.guard.rules.internal.Recognise.findings;
import static dev.strata.guard.rules.internal.Recognise.rules;
import static org.assertj.core.api.Assertions.assertThat;

import dev.strata.guard.Finding;
import org.junit.jupiter.api.Test;

class AlterTableRuleTest {

	@Test
	void checksEveryActionSeparately() {
		assertThat(rules("ALTER TABLE users ADD COLUMN note text, DROP COLUMN email, ALTER COLUMN name SET NOT NULL"))
			.containsExactly("drop-column", "set-not-null");
	}

	@Test
	void reportsEachActionAtItsOwnPosition() {
		Finding finding = findings("ALTER TABLE users\n  ADD COLUMN note text,\n  DROP COLUMN email").get(0);
		assertThat(finding.line()).isEqualTo(3);
		assertThat(finding.column()).isEqualTo(3);
		assertThat(finding.location()).isEqualTo("V1__test.sql:3:3");
	}

	@Test
	void commasInsideParenthesesDoNotSplitActions() {
		assertThat(rules("ALTER TABLE t ADD CONSTRAINT u UNIQUE (a, b) USING INDEX TABLESPACE x")).isEmpty();
		assertThat(rules("ALTER TABLE t ADD CONSTRAINT c CHECK (a IN (1, 2)) NOT VALID")).isEmpty();
	}

	@Test
	void dropColumnOfOldTableLosesData() {
		assertThat(rules("ALTER TABLE users DROP COLUMN email")).containsExactly("drop-column");
		assertThat(rules("ALTER TABLE IF EXISTS ONLY users DROP email")).containsExactly("drop-column");
		assertThat(rules("ALTER TABLE users DROP COLUMN IF EXISTS email CASCADE")).containsExactly("drop-column",
				"cascade");
	}

	@Test
	void dropColumnAddedOrCreatedInTheSameMigrationIsExempt() {
		assertThat(rules("ALTER TABLE users ADD COLUMN tmp int; ALTER TABLE users DROP COLUMN tmp")).isEmpty();
		assertThat(rules("CREATE TABLE t (a int, b int); ALTER TABLE t DROP COLUMN b")).isEmpty();
	}

	@Test
	void dropConstraintIsHarmlessUnlessCascade() {
		assertThat(rules("ALTER TABLE users DROP CONSTRAINT users_email_key")).isEmpty();
		assertThat(rules("ALTER TABLE users DROP CONSTRAINT users_pkey CASCADE")).containsExactly("cascade");
	}

	@Test
	void renames() {
		assertThat(rules("ALTER TABLE users RENAME COLUMN name TO full_name")).containsExactly("rename-column");
		assertThat(rules("ALTER TABLE users RENAME name TO full_name")).containsExactly("rename-column");
		assertThat(rules("ALTER TABLE users RENAME TO customers")).containsExactly("rename-table");
		assertThat(rules("ALTER TABLE users SET SCHEMA archive")).containsExactly("rename-table");
		assertThat(rules("ALTER TABLE users RENAME CONSTRAINT a TO b")).isEmpty();
	}

	@Test
	void renamesOfNewObjectsAreExempt() {
		assertThat(rules("CREATE TABLE t (a int); ALTER TABLE t RENAME TO u; DROP TABLE u")).isEmpty();
		assertThat(rules("ALTER TABLE users ADD COLUMN a int; ALTER TABLE users RENAME a TO b;"
				+ " ALTER TABLE users DROP COLUMN b"))
			.isEmpty();
	}

	@Test
	void detachPartitionNeedsConcurrently() {
		assertThat(rules("ALTER TABLE events DETACH PARTITION events_2020"))
			.containsExactly("detach-partition-not-concurrently");
		assertThat(rules("ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY")).isEmpty();
		assertThat(rules("ALTER TABLE events DETACH PARTITION events_2020 FINALIZE")).isEmpty();
	}

	@Test
	void rewritingSettings() {
		assertThat(rules("ALTER TABLE t SET TABLESPACE fast")).containsExactly("rewrite-table");
		assertThat(rules("ALTER TABLE t SET UNLOGGED")).containsExactly("rewrite-table");
		assertThat(rules("ALTER TABLE t SET (fillfactor = 70)")).isEmpty();
	}

	@Test
	void harmlessActions() {
		assertThat(rules("ALTER TABLE t ENABLE ROW LEVEL SECURITY; ALTER TABLE t OWNER TO app;"
				+ " ALTER TABLE t VALIDATE CONSTRAINT c; ALTER TABLE t DISABLE TRIGGER ALL;"
				+ " ALTER TABLE t ATTACH PARTITION p FOR VALUES IN (1); ALTER TABLE t REPLICA IDENTITY FULL;"
				+ " ALTER TABLE t ALTER COLUMN a SET DEFAULT 0; ALTER TABLE t ALTER a DROP DEFAULT;"
				+ " ALTER TABLE t ALTER COLUMN a SET STATISTICS 500"))
			.isEmpty();
	}

	@Test
	void unknownActionFailsClosed() {
		assertThat(rules("ALTER TABLE t FROBNICATE")).containsExactly("unrecognised-statement");
		assertThat(rules("ALTER TABLE t")).containsExactly("unrecognised-statement");
	}

}
