package dev.strata.guard.rules.internal;

import static dev.strata.guard.rules.internal.Recognise.rules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddColumnCheckTest {

	@Test
	void nullableOrConstantDefaultIsSafe() {
		assertThat(rules("ALTER TABLE t ADD COLUMN a text")).isEmpty();
		assertThat(rules("ALTER TABLE t ADD COLUMN a int NOT NULL DEFAULT 0")).isEmpty();
		assertThat(rules("ALTER TABLE t ADD COLUMN a timestamptz NOT NULL DEFAULT now()")).isEmpty();
		assertThat(rules("ALTER TABLE t ADD COLUMN a jsonb DEFAULT '{}'::jsonb")).isEmpty();
		assertThat(rules("ALTER TABLE t ADD COLUMN IF NOT EXISTS a boolean DEFAULT false NOT NULL")).isEmpty();
	}

	@Test
	void volatileDefaultRewrites() {
		assertThat(rules("ALTER TABLE t ADD COLUMN id uuid DEFAULT gen_random_uuid()"))
			.containsExactly("add-column-volatile-default");
		assertThat(rules("ALTER TABLE t ADD COLUMN at timestamptz DEFAULT clock_timestamp()"))
			.containsExactly("add-column-volatile-default");
		assertThat(rules("ALTER TABLE t ADD COLUMN n bigserial")).containsExactly("add-column-volatile-default");
		assertThat(rules("ALTER TABLE t ADD COLUMN n int GENERATED ALWAYS AS IDENTITY"))
			.containsExactly("add-column-volatile-default");
		assertThat(rules("ALTER TABLE t ADD COLUMN s int GENERATED ALWAYS AS (a + b) STORED"))
			.containsExactly("add-column-volatile-default");
	}

	@Test
	void notNullWithoutDefaultIsIncompatible() {
		assertThat(rules("ALTER TABLE t ADD COLUMN a int NOT NULL"))
			.containsExactly("add-column-not-null-without-default");
		assertThat(rules("CREATE TABLE t (id int); ALTER TABLE t ADD COLUMN a int NOT NULL")).isEmpty();
	}

	@Test
	void inlineConstraintsLockLikeTheirLongForms() {
		assertThat(rules("ALTER TABLE t ADD COLUMN u int REFERENCES users (id)"))
			.containsExactly("add-foreign-key-without-not-valid");
		assertThat(rules("ALTER TABLE t ADD COLUMN c int CHECK (c > 0)"))
			.containsExactly("add-check-without-not-valid");
		assertThat(rules("ALTER TABLE t ADD COLUMN e text UNIQUE")).containsExactly("add-unique-constraint");
		assertThat(rules("ALTER TABLE t ADD COLUMN k int PRIMARY KEY")).containsExactly("add-primary-key");
	}

}
