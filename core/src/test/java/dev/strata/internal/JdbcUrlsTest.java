package dev.strata.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JdbcUrlsTest {

	@Test
	void passwordParameterIsRedactedWherever() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ssl=true"))
			.isEqualTo("jdbc:postgresql://db:5432/app?user=app&password=***&ssl=true");
		assertThat(JdbcUrls.redact("jdbc:postgresql://db/app?password=s3cret"))
			.isEqualTo("jdbc:postgresql://db/app?password=***");
		assertThat(JdbcUrls.redact("jdbc:postgresql://db/app?PASSWORD=s3cret&user=app"))
			.isEqualTo("jdbc:postgresql://db/app?PASSWORD=***&user=app");
		assertThat(JdbcUrls.redact("jdbc:postgresql://db/app;password=s3cret"))
			.isEqualTo("jdbc:postgresql://db/app;password=***");
	}

	@Test
	void sslKeyPasswordIsRedacted() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://db/app?sslmode=verify-full&sslpassword=keypass"))
			.isEqualTo("jdbc:postgresql://db/app?sslmode=verify-full&sslpassword=***");
	}

	@Test
	void userInfoPasswordIsRedacted() {
		assertThat(JdbcUrls.redact("jdbc:postgresql://app:s3cret@db:5432/app"))
			.isEqualTo("jdbc:postgresql://app:***@db:5432/app");
	}

	@Test
	void urlsWithoutPasswordsAreUnchanged() {
		String[] urls = { "jdbc:postgresql://db:5432/app", "jdbc:postgresql://app@db/app",
				"jdbc:postgresql://db/app?user=app&passwordless=true", "jdbc:postgresql://h1:5432,h2:5433/app?user=x" };
		for (String url : urls) {
			assertThat(JdbcUrls.redact(url)).isEqualTo(url);
		}
	}

	@Test
	void logFormDropsEveryParameter() {
		assertThat(JdbcUrls.forLog("jdbc:postgresql://db:5432/app?user=app&password=s3cret&ApplicationName=x"))
			.isEqualTo("jdbc:postgresql://db:5432/app");
		assertThat(JdbcUrls.forLog("jdbc:postgresql://app:s3cret@db/app"))
			.isEqualTo("jdbc:postgresql://app:***@db/app");
	}

	@Test
	void passwordParameterIsTakenOutOfTheUrl() {
		JdbcUrls.PasswordSplit first = JdbcUrls.splitPassword("jdbc:postgresql://db/app?password=s%3Dcret&user=app");
		assertThat(first.url()).isEqualTo("jdbc:postgresql://db/app?user=app");
		assertThat(first.password()).isEqualTo("s=cret");
		JdbcUrls.PasswordSplit middle = JdbcUrls.splitPassword("jdbc:postgresql://db/app?user=app&password=x&ssl=true");
		assertThat(middle.url()).isEqualTo("jdbc:postgresql://db/app?user=app&ssl=true");
		assertThat(middle.password()).isEqualTo("x");
		JdbcUrls.PasswordSplit none = JdbcUrls.splitPassword("jdbc:postgresql://db/app?user=app");
		assertThat(none.url()).isEqualTo("jdbc:postgresql://db/app?user=app");
		assertThat(none.password()).isNull();
	}

}
