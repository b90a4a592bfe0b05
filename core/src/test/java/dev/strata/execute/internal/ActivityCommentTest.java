package dev.strata.execute.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import dev.strata.execute.LockActivity;
import org.junit.jupiter.api.Test;

/**
 * The comment a lock session's queries start with, read back as another process reads it
 * from {@code pg_stat_activity.query}: whatever a migration's name holds, the comment
 * stays one comment and the fields come back; a holder that publishes nothing (or an
 * older Strata) still says since when it holds the lock.
 */
class ActivityCommentTest {

	private static final Instant HELD = Instant.parse("2026-12-07T03:00:00.123456Z");

	private static final Instant STARTED = Instant.parse("2026-12-07T03:00:01Z");

	@Test
	void readsBackWhatItWrites() {
		LockActivity activity = new LockActivity("V6 (index orders)", "6", STARTED, 3,
				"CREATE INDEX CONCURRENTLY: building index: scanning table", 45);
		String query = ActivityComment.write(HELD, activity) + "select 1";
		assertThat(query).startsWith("/* strata: migration lock held since " + HELD + " | applying V6 (index orders)")
			.endsWith(" */ select 1");
		assertThat(ActivityComment.heldSince(query)).isEqualTo(HELD);
		assertThat(ActivityComment.activity(query)).isEqualTo(activity);
	}

	@Test
	void aNameCannotEndTheCommentNorForgeAField() {
		LockActivity activity = new LockActivity("V7 (a */ drop | line 99\nnext)", null, STARTED, null, null, null);
		String query = ActivityComment.write(HELD, activity) + "select 1";
		assertThat(query.indexOf("*/")).isEqualTo(query.lastIndexOf("*/"));
		LockActivity read = ActivityComment.activity(query);
		assertThat(read.migration()).isEqualTo("V7 (a * / drop   line 99 next)");
		assertThat(read.line()).isNull();
		assertThat(read.version()).isNull();
	}

	@Test
	void aHolderThatSaysNothingMoreStillSaysSinceWhen() {
		String idle = ActivityComment.write(HELD, null) + "select 1";
		assertThat(ActivityComment.heldSince(idle)).isEqualTo(HELD);
		assertThat(ActivityComment.activity(idle)).isNull();
		String older = "/* strata: migration lock held since " + HELD + " */ select exists (select 1)";
		assertThat(ActivityComment.heldSince(older)).isEqualTo(HELD);
		assertThat(ActivityComment.activity(older)).isNull();
		assertThat(ActivityComment.activity("select pg_sleep(1)")).isNull();
	}

}
