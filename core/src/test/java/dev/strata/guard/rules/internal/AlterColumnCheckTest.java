package dev.strata.guard.rules.internal;

import static dev.strata.guard.rules.internal.Recognise.rules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AlterColumnCheckTest {

	@Test
	void typeChangeRewrites() {
		assertThat(rules("ALTER TABLE t ALTER COLUMN a TYPE bigint")).containsExactly("alter-column-type");
		assertThat(rules("ALTER TABLE t ALTER a SET DATA TYPE text USING a::text"))
			.containsExactly("alter-column-type");
		assertThat(rules("CREATE TABLE t (a int); ALTER TABLE t ALTER a TYPE bigint")).isEmpty();
	}

	@Test
	void setNotNullScans() {
		assertThat(rules("ALTER TABLE t ALTER COLUMN a SET NOT NULL")).containsExactly("set-not-null");
		assertThat(rules("CREATE TABLE t (a int); ALTER TABLE t ALTER COLUMN a SET NOT NULL")).isEmpty();
	}

	@Test
	void dropNotNullIsIncompatible() {
		assertThat(rules("ALTER TABLE t ALTER COLUMN a DROP NOT NULL")).containsExactly("drop-not-null");
		assertThat(rules("ALTER TABLE t ADD COLUMN a int NOT NULL DEFAULT 0; ALTER TABLE t ALTER a DROP NOT NULL"))
			.isEmpty();
	}

	@Test
	void identityAndExpressionChangesAreHarmless() {
		assertThat(rules("ALTER TABLE t ALTER id ADD GENERATED ALWAYS AS IDENTITY; ALTER TABLE t ALTER id RESTART"
				+ " WITH 100; ALTER TABLE t ALTER g DROP EXPRESSION; ALTER TABLE t ALTER id DROP IDENTITY IF EXISTS"))
			.isEmpty();
	}

}
