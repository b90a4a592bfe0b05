package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.util.List;

import dev.strata.archive.ArchiveEntry;
import dev.strata.archive.ArchiveKind;
import dev.strata.archive.ArchiveRefusedException;
import dev.strata.archive.ArchiveSettings;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Archive before destroy, on real PostgreSQL: when it runs and when not, its limits, the
 * restores it refuses, and the purge.
 */
@StrataPostgres(databasePerTest = true)
class ArchivePolicyTest extends ArchiveOrders {

	@Test
	void allowDestructiveArchivesToo(TestDatabase db) {
		this.files.write("V2__drop.sql", "drop table orders;");
		Strata strata = strata(db, (builder) -> builder.allowDestructive(true));
		strata.migrate();

		assertThat(only(strata, ArchiveKind.DROPPED_TABLE).rows()).isEqualTo(500);
	}

	@Test
	void aMigrationThatDestroysNothingCreatesNoArchive(TestDatabase db) {
		this.files.write("V2__more.sql", """
				alter table orders add column shipped boolean;
				update orders set shipped = false where id < 10;
				insert into orders (customer) values ('new');
				create table t (id int); drop table t;
				""");
		Strata strata = strata(db);
		strata.migrate();

		assertThat(Db.column(db, "select nspname from pg_namespace where nspname = 'strata_archive'")).isEmpty();
		assertThat(strata.archives()).isEmpty();
	}

	@Test
	void archivingCanBeTurnedOff(TestDatabase db) {
		this.files.write("V2__drop.sql", """
				-- strata:allow drop-table reason="replaced"
				drop table orders;
				""");
		Strata strata = strata(db,
				(builder) -> builder.archive(new ArchiveSettings(false, "strata_archive", 10, Duration.ofDays(1))));
		strata.migrate();

		assertThat(Db.tableExists(db, "public.orders")).isFalse();
		assertThat(strata.archives()).isEmpty();
	}

	@Test
	void moreRowsThanTheLimitRefuseUnlessTheDirectiveLetsThemGo(TestDatabase db) {
		this.files.write("V2__delete.sql", """
				-- strata:allow delete reason="clean-up"
				delete from orders;
				""");
		Strata strata = strata(db,
				(builder) -> builder.archive(new ArchiveSettings(true, "strata_archive", 100, Duration.ofDays(1))));

		ArchiveRefusedException refused = catchThrowableOfType(ArchiveRefusedException.class, strata::migrate);

		assertThat(refused).hasMessageContaining("500 rows, above strata.archive.max-rows=100")
			.hasMessageContaining("archive=none");
		assertThat(Db.count(db, "select count(*) from orders")).isEqualTo(500);
		assertThat(Db.history(db)).containsExactly("1|SQL|true");

		this.files.write("V2__delete.sql", """
				-- strata:allow delete reason="clean-up" archive=none
				delete from orders;
				""");
		strata.migrate();

		assertThat(Db.count(db, "select count(*) from orders")).isZero();
		assertThat(strata.archives()).isEmpty();
	}

	@Test
	void restoreIsRefusedWhenItWouldOverwrite(TestDatabase db) {
		this.files.write("V2__drop.sql", """
				-- strata:allow drop-table reason="replaced"
				drop table orders;
				""").write("V3__new_orders.sql", "create table orders (id int);");
		Strata strata = strata(db);
		strata.migrate();
		ArchiveEntry archive = only(strata, ArchiveKind.DROPPED_TABLE);

		ArchiveRefusedException refused = catchThrowableOfType(ArchiveRefusedException.class,
				() -> strata.restore(archive.id()));

		assertThat(refused).hasMessageContaining("\"public\".\"orders\" exists")
			.hasMessageContaining("Nothing was changed");
		assertThat(Db.count(db, "select count(*) from strata_archive.v2__orders")).isEqualTo(500);
		assertThat(Db.history(db)).doesNotContain("RESTORE");
	}

	@Test
	void rowsAreNotRestoredOverRowsWithTheSameKey(TestDatabase db) {
		this.files.write("V2__delete.sql", """
				-- strata:allow delete reason="clean-up"
				delete from orders;
				""");
		Strata strata = strata(db);
		strata.migrate();
		db.execute("insert into orders (id, customer) overriding system value values (7, 'again')");
		ArchiveEntry archive = only(strata, ArchiveKind.DELETED_ROWS);

		ArchiveRefusedException refused = catchThrowableOfType(ArchiveRefusedException.class,
				() -> strata.restore(archive.id()));

		assertThat(refused).hasMessageContaining("1 of its rows have a key");
		assertThat(Db.count(db, "select count(*) from orders")).isEqualTo(1);
	}

	@Test
	void purgeRemovesArchivesOlderThanTheRetention(TestDatabase db) {
		this.files.write("V2__delete.sql", """
				-- strata:allow delete reason="clean-up"
				delete from orders where note is null;
				""").write("V3__drop.sql", """
				-- strata:allow drop-column reason="retired"
				alter table orders drop column note;
				""");
		Strata strata = strata(db);
		strata.migrate();
		List<ArchiveEntry> archives = strata.archives();
		assertThat(archives).extracting(ArchiveEntry::kind)
			.containsExactly(ArchiveKind.DELETED_ROWS, ArchiveKind.DROPPED_COLUMN);
		db.execute("update strata_archive.strata_archives set archived_at = now() - interval '40 days' where id = "
				+ archives.get(0).id());

		List<ArchiveEntry> purged = strata.purgeArchives();

		assertThat(purged).extracting(ArchiveEntry::id).containsExactly(archives.get(0).id());
		assertThat(strata.archives()).extracting(ArchiveEntry::id).containsExactly(archives.get(1).id());
		assertThat(Db.tableExists(db, "strata_archive." + archives.get(0).archiveTable())).isFalse();
		assertThat(Db.tableExists(db, "strata_archive." + archives.get(1).archiveTable())).isTrue();
	}

}
