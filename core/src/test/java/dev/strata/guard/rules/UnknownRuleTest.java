package dev.strata.guard.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

class UnknownRuleTest {

	@Test
	void requireFindsARuleByItsIdInAnyCase() {
		assertThat(Rule.require(" Drop-Column ", "strata.guard.rules.Drop-Column")).isEqualTo(Rule.DROP_COLUMN);
	}

	@Test
	void unknownIdNamesWhereItWasWrittenAndListsEveryRule() {
		assertThatExceptionOfType(UnknownRuleException.class)
			.isThrownBy(() -> Rule.require("drop-colum", "strata.guard.rules.drop-colum"))
			.withMessageStartingWith("strata.guard.rules.drop-colum names no guard rule 'drop-colum'. Fix: use one of ")
			.withMessageContaining("drop-column, ")
			.withMessageEndingWith("unrecognised-statement.")
			.satisfies((ex) -> {
				assertThat(ex.id()).isEqualTo("drop-colum");
				assertThat(ex.where()).isEqualTo("strata.guard.rules.drop-colum");
			});
	}

}
