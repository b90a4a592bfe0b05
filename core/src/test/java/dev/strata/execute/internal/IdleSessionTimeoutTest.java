package dev.strata.execute.internal;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code idle_session_timeout} as {@code current_setting} prints it, which sets how often
 * the lock's heartbeat beats.
 */
class IdleSessionTimeoutTest {

	@Test
	void readsEveryUnitTheServerPrints() {
		assertThat(AdvisoryLock.parseIdleSessionTimeout("0")).isEqualTo(Duration.ZERO);
		assertThat(AdvisoryLock.parseIdleSessionTimeout("1500")).isEqualTo(Duration.ofMillis(1500));
		assertThat(AdvisoryLock.parseIdleSessionTimeout("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(AdvisoryLock.parseIdleSessionTimeout("30s")).isEqualTo(Duration.ofSeconds(30));
		assertThat(AdvisoryLock.parseIdleSessionTimeout("10min")).isEqualTo(Duration.ofMinutes(10));
		assertThat(AdvisoryLock.parseIdleSessionTimeout("2h")).isEqualTo(Duration.ofHours(2));
		assertThat(AdvisoryLock.parseIdleSessionTimeout("1d")).isEqualTo(Duration.ofDays(1));
	}

	@Test
	void noSettingOrAnUnreadableOneIsUnknown() {
		assertThat(AdvisoryLock.parseIdleSessionTimeout(null)).isNull();
		assertThat(AdvisoryLock.parseIdleSessionTimeout("soon")).isNull();
	}

}
