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
		// the units PostgreSQL prints a time setting in
		assertThat(AdvisoryLock.parseIdleSessionTimeout("0")).isEqualTo(Duration.ZERO);
		assertThat(AdvisoryLock.parseIdleSessionTimeout("500ms")).isEqualTo(Duration.ofMillis(500));
		assertThat(AdvisoryLock.parseIdleSessionTimeout("10min")).isEqualTo(Duration.ofMinutes(10));
	}

	@Test
	void noSettingOrAnUnreadableOneIsUnknown() {
		assertThat(AdvisoryLock.parseIdleSessionTimeout(null)).isNull();
		assertThat(AdvisoryLock.parseIdleSessionTimeout("soon")).isNull();
	}

}
