package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import dev.strata.archive.ArchiveEntry;
import dev.strata.archive.ArchiveKind;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the archive tests start from: an {@code orders} table of 500 rows (with nulls, an
 * identity key and an index) applied as V1, and its rows as text to compare a restore
 * with.
 */
abstract class ArchiveOrders {

	/** Every row of the orders table, in key order, as text. */
	static final String ORDERS = "select id || '|' || coalesce(customer, '-') || '|' || coalesce(note, '-')"
			+ " || '|' || amount from orders order by id";

	@TempDir
	Path dir;

	MigrationDir files;

	List<String> before;

	@BeforeEach
	void orders(TestDatabase db) {
		this.files = new MigrationDir(this.dir).write("V1__orders.sql", """
				create table orders (id bigint generated always as identity primary key, customer text not null,
				  note text, amount numeric(10,2) not null default 0);
				create index orders_customer on orders (customer);
				insert into orders (customer, note, amount)
				  select 'c' || (i % 7), case when i % 3 = 0 then null else 'n' || i end, i * 1.25
				  from generate_series(1, 500) i;
				""");
		strata(db).migrate();
		this.before = Db.column(db, ORDERS);
		assertThat(this.before).hasSize(500);
	}

	Strata strata(TestDatabase db) {
		return strata(db, (builder) -> {
		});
	}

	Strata strata(TestDatabase db, Consumer<StrataConfig.Builder> customizer) {
		return Db.strata(db, (builder) -> {
			builder.locations(this.files.location());
			customizer.accept(builder);
		});
	}

	static ArchiveEntry only(Strata strata, ArchiveKind kind) {
		List<ArchiveEntry> archives = strata.archives();
		assertThat(archives).extracting(ArchiveEntry::kind).containsExactly(kind);
		return archives.get(0);
	}

}
