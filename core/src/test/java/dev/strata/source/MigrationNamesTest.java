package dev.strata.source;

import java.time.Instant;

import dev.strata.history.AppliedMigration;
import dev.strata.history.HistoryType;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A file and its history row name a migration the same way. */
class MigrationNamesTest {

	@Test
	void namesVersionedAndRepeatableMigrations() {
		assertThat(MigrationNames.display("1.2", "add orders")).isEqualTo("V1.2 (add orders)");
		assertThat(MigrationNames.display(null, "views")).isEqualTo("R (views)");
	}

	@Test
	void fileAndHistoryRowAgree() {
		MigrationFile file = new MigrationFile(MigrationType.VERSIONED, Version.parse("1_2"), "add orders",
				"V1_2__add_orders.sql", "classpath:db/migration/V1_2__add_orders.sql", "select 1", 0);
		AppliedMigration row = new AppliedMigration(1, file.version().toString(), "add orders", HistoryType.SQL,
				file.script(), 0, "me", Instant.EPOCH, 1, true, true, 1, 1, null, true);
		assertThat(file.displayName()).isEqualTo(row.displayName()).isEqualTo("V1.2 (add orders)");
	}

}
