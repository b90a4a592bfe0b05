package dev.strata.source.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DurationsTest {

	@Test
	void springBootStyleUnits() {
		assertThat(Durations.parse("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(Durations.parse("30s")).isEqualTo(Duration.ofSeconds(30));
		assertThat(Durations.parse("10m")).isEqualTo(Duration.ofMinutes(10));
		assertThat(Durations.parse("10min")).isEqualTo(Duration.ofMinutes(10));
		assertThat(Durations.parse("2h")).isEqualTo(Duration.ofHours(2));
		assertThat(Durations.parse("1d")).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void bareNumberIsMilliseconds() {
		assertThat(Durations.parse("250")).isEqualTo(Duration.ofMillis(250));
		assertThat(Durations.parse("0")).isZero();
	}

	@Test
	void caseAndSurroundingSpacesDoNotMatter() {
		assertThat(Durations.parse(" 5S ")).isEqualTo(Duration.ofSeconds(5));
		assertThat(Durations.parse("1H")).isEqualTo(Duration.ofHours(1));
	}

	@Test
	void iso8601IsAccepted() {
		assertThat(Durations.parse("PT10S")).isEqualTo(Duration.ofSeconds(10));
		assertThat(Durations.parse("pt1m30s")).isEqualTo(Duration.ofSeconds(90));
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "s", "abc", "10x", "1.5s", "-5s", "PTxS", "10 s" })
	void invalidDurationsNameTheInput(String text) {
		assertThatIllegalArgumentException().isThrownBy(() -> Durations.parse(text))
			.withMessageContaining("'" + text + "'");
	}

	@Test
	void postgresFormIsMilliseconds() {
		assertThat(Durations.toPostgres(Duration.ofSeconds(10))).isEqualTo("10000ms");
		assertThat(Durations.toPostgres(Duration.ofMillis(1))).isEqualTo("1ms");
	}

}
