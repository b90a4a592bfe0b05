package dev.strata.guard.rules.internal;

import static dev.strata.guard.rules.internal.Recognise.rules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AddConstraintCheckTest {

	@Test
	void foreignKeyNeedsNotValid() {
		assertThat(rules("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (user_id) REFERENCES users (id)"))
			.containsExactly("add-foreign-key-without-not-valid");
		assertThat(rules("ALTER TABLE orders ADD FOREIGN KEY (user_id) REFERENCES users (id) NOT VALID")).isEmpty();
	}

	@Test
	void checkNeedsNotValid() {
		assertThat(rules("ALTER TABLE t ADD CONSTRAINT positive CHECK (amount > 0)"))
			.containsExactly("add-check-without-not-valid");
		assertThat(rules("ALTER TABLE t ADD CONSTRAINT positive CHECK (amount > 0) NOT VALID")).isEmpty();
	}

	@Test
	void uniqueAndPrimaryKeyNeedAnIndexBuiltConcurrently() {
		assertThat(rules("ALTER TABLE t ADD CONSTRAINT u UNIQUE (email)")).containsExactly("add-unique-constraint");
		assertThat(rules("ALTER TABLE t ADD CONSTRAINT u UNIQUE USING INDEX u_idx")).isEmpty();
		assertThat(rules("ALTER TABLE t ADD PRIMARY KEY (id)")).containsExactly("add-primary-key");
		assertThat(rules("ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_idx")).isEmpty();
		assertThat(rules("ALTER TABLE t ADD EXCLUDE USING gist (r WITH &&)")).containsExactly("add-unique-constraint");
	}

	@Test
	void constraintsOnNewTablesAreExempt() {
		assertThat(rules("CREATE TABLE t (id int, u int); ALTER TABLE t ADD PRIMARY KEY (id);"
				+ " ALTER TABLE t ADD FOREIGN KEY (u) REFERENCES users (id); ALTER TABLE t ADD UNIQUE (u)"))
			.isEmpty();
	}

}
