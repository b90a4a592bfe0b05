package dev.strata.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceSelectionTest {

	@Test
	void jdbcUrlsSwapTheDatabaseAndDropCredentials() {
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://db:5433/app?user=u&password=p&ssl=false", "x"))
			.isEqualTo("jdbc:postgresql://db:5433/x?ssl=false");
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h1,h2:5432/", "x"))
			.isEqualTo("jdbc:postgresql://h1,h2:5432/x");
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql://h", "x")).isEqualTo("jdbc:postgresql://h/x");
		assertThat(JdbcUrls.withDatabase("jdbc:postgresql:app", "x")).isEqualTo("jdbc:postgresql:x");
		assertThat(JdbcUrls.parameter("jdbc:postgresql://h/d?user=me&password=p%26q", "password")).contains("p&q");
	}

	@Test
	void dockerProbeAnswersQuickly() {
		long started = System.nanoTime();
		boolean answers = DockerProbe.engineAnswers();
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(millis).as("probe took %d ms (engine answers: %s)", millis, answers).isLessThan(3000);
	}

}
