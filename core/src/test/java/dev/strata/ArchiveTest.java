package dev.strata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

import dev.strata.archive.ArchiveEntry;
import dev.strata.archive.ArchiveKind;
import dev.strata.archive.ArchiveRefusedException;
import dev.strata.execute.MigrationFailedException;
import dev.strata.test.StrataPostgres;
import dev.strata.test.TestDatabase;
import org.junit.jupiter.api.Test;

/**
 * Archive before destroy, on real PostgreSQL: each allowed destructive statement leaves
 * what it removed in the archive schema, and restore puts it back exactly.
 */
@StrataPostgres(databasePerTest = true)
class ArchiveTest extends ArchiveOrders {

	@Test
	void droppedTableIsMovedAndRestored(TestDatabase db) {
		this.files.write("V2__drop.sql", """
				-- strata:allow drop-table reason="replaced"
				drop table orders;
				""");
		Strata strata = strata(db);
		strata.migrate();

		assertThat(Db.tableExists(db, "public.orders")).isFalse();
		ArchiveEntry archive = only(strata, ArchiveKind.DROPPED_TABLE);
		assertThat(archive.archiveTable()).isEqualTo("v2__orders");
		assertThat(archive.rows()).isEqualTo(500);
		assertThat(archive.line()).isEqualTo(2);
		assertThat(Db.count(db, "select count(*) from strata_archive.v2__orders")).isEqualTo(500);

		RestoreResult restored = strata.restore(archive.id());

		assertThat(restored.rows()).isEqualTo(500);
		assertThat(Db.column(db, ORDERS)).isEqualTo(this.before);
		assertThat(Db.tableExists(db, "public.orders_customer")).isTrue();
		// The identity sequence came back with it: new rows go on numbering.
		db.execute("insert into orders (customer) values ('new')");
		assertThat(Db.count(db, "select max(id) from orders")).isEqualTo(501);
		assertThat(Db.history(db)).last()
			.isEqualTo("R:restore archive " + archive.id() + " (dropped_table public.orders)|RESTORE|true");
		assertThat(strata.status().problems()).isEmpty();
	}

	@Test
	void droppedTableWithDependantsFailsWithoutCascadeAndTakesThemWithIt(TestDatabase db) {
		this.files.write("V2__dependants.sql", """
				create view big_orders as select * from orders where amount > 100;
				create table lines (id int primary key, order_id bigint references orders);
				insert into lines values (1, 1);
				""").write("V3__drop.sql", """
				-- strata:allow drop-table reason="replaced"
				drop table orders;
				""");
		Strata strata = strata(db);

		MigrationFailedException failed = catchThrowableOfType(MigrationFailedException.class, strata::migrate);

		assertThat(failed).hasMessageContaining("depend");
		assertThat(Db.count(db, "select count(*) from orders")).isEqualTo(500);
		assertThat(strata.archives()).isEmpty();

		this.files.write("V3__drop.sql", """
				-- strata:allow drop-table,cascade reason="replaced"
				drop table orders cascade;
				""");
		strata.migrate();

		assertThat(Db.tableExists(db, "big_orders")).isFalse();
		assertThat(Db.count(db, "select count(*) from lines")).isEqualTo(1);
		assertThat(Db.count(db,
				"select count(*) from pg_constraint where conrelid = 'lines'::regclass" + " and contype = 'f'"))
			.isZero();
		ArchiveEntry archive = only(strata, ArchiveKind.DROPPED_TABLE);
		assertThat(archive.note()).contains("CASCADE also removed: ")
			.contains("view big_orders")
			.contains("constraint lines_order_id_fkey on table lines");
		strata.restore(archive.id());
		assertThat(Db.column(db, ORDERS)).isEqualTo(this.before);
	}

	@Test
	void aTableDroppedTwiceUnderOneNameIsArchivedTwice(TestDatabase db) {
		this.files.write("V2__drop.sql", """
				-- strata:allow drop-table reason="replaced"
				drop table orders;
				""").write("V3__again.sql", """
				create table orders (id bigint generated always as identity primary key, customer text);
				create index orders_customer on orders (customer);
				insert into orders (customer) values ('again');
				""").write("V4__drop.sql", """
				-- strata:allow drop-table reason="replaced again"
				drop table orders;
				""");
		Strata strata = strata(db);
		strata.migrate();

		List<ArchiveEntry> archives = strata.archives();
		assertThat(archives).extracting(ArchiveEntry::archiveTable).containsExactly("v2__orders", "v4__orders");
		assertThat(archives).extracting(ArchiveEntry::rows).containsExactly(500L, 1L);
		strata.restore(archives.get(1).id());
		assertThat(Db.column(db, "select customer from orders")).containsExactly("again");
		assertThat(Db.column(db, "select indexname from pg_indexes where tablename = 'orders' order by 1"))
			.containsExactly("orders_customer", "orders_pkey");
	}

	@Test
	void droppedSchemaKeepsItsTablesAndSaysWhatElseWent(TestDatabase db) {
		this.files.write("V2__sales.sql", """
				create schema sales;
				create table sales.customers (id int primary key, name text);
				create table sales.invoices (id int primary key, customer int references sales.customers);
				create view sales.names as select name from sales.customers;
				insert into sales.customers values (1, 'a'), (2, 'b');
				insert into sales.invoices values (10, 1);
				""").write("V3__drop_sales.sql", """
				-- strata:allow drop-schema,cascade reason="moved to another service"
				drop schema sales cascade;
				""");
		Strata strata = strata(db);
		strata.migrate();

		assertThat(Db.column(db, "select nspname from pg_namespace where nspname = 'sales'")).isEmpty();
		List<ArchiveEntry> archives = strata.archives();
		assertThat(archives).extracting(ArchiveEntry::object).containsExactly("sales.customers", "sales.invoices");
		assertThat(archives).extracting(ArchiveEntry::rows).containsExactly(2L, 1L);
		assertThat(archives.get(0).note()).contains("dropped with schema \"sales\"");
		ArchiveRefusedException refused = catchThrowableOfType(ArchiveRefusedException.class,
				() -> strata.restore(archives.get(0).id()));
		assertThat(refused).hasMessageContaining("schema sales does not exist");

		db.execute("create schema sales");
		strata.restore(archives.get(0).id());
		strata.restore(archives.get(1).id());
		assertThat(Db.column(db, "select c.name from sales.invoices i join sales.customers c on c.id = i.customer"))
			.containsExactly("a");
		// The foreign key between the two moved with them.
		assertThat(Db.count(db, "select count(*) from pg_constraint where conrelid = 'sales.invoices'::regclass"
				+ " and contype = 'f'"))
			.isOne();
	}

	@Test
	void droppedColumnIsCopiedWithTheKeyAndRestored(TestDatabase db) {
		this.files.write("V2__drop_note.sql", """
				-- strata:allow drop-column reason="retired"
				alter table orders drop column note;
				""");
		Strata strata = strata(db);
		strata.migrate();

		assertThat(Db.column(db, "select count(*) from information_schema.columns where column_name = 'note'"
				+ " and table_name = 'orders'"))
			.containsExactly("0");
		ArchiveEntry archive = only(strata, ArchiveKind.DROPPED_COLUMN);
		assertThat(archive.object()).isEqualTo("public.orders.note");
		assertThat(archive.keyColumns()).containsExactly("id");
		assertThat(archive.rows()).isEqualTo(500);
		assertThat(archive.bytes()).isPositive();

		strata.restore(archive.id());

		assertThat(Db.column(db, ORDERS)).isEqualTo(this.before);
	}

	@Test
	void truncatedRowsAreCopiedAndRestored(TestDatabase db) {
		this.files.write("V2__truncate.sql", """
				-- strata:allow truncate reason="reload"
				truncate orders;
				""");
		Strata strata = strata(db);
		strata.migrate();

		assertThat(Db.count(db, "select count(*) from orders")).isZero();
		ArchiveEntry archive = only(strata, ArchiveKind.TRUNCATED_ROWS);

		strata.restore(archive.id());

		assertThat(Db.column(db, ORDERS)).isEqualTo(this.before);
	}

	@Test
	void rowsOfAnUnqualifiedDeleteAreCopiedAndRestored(TestDatabase db) {
		this.files.write("V2__delete.sql", """
				-- strata:allow delete reason="clean-up"
				delete from orders;
				""");
		Strata strata = strata(db);
		strata.migrate();

		assertThat(Db.count(db, "select count(*) from orders")).isZero();
		ArchiveEntry archive = only(strata, ArchiveKind.DELETED_ROWS);
		assertThat(archive.rows()).isEqualTo(500);

		strata.restore(archive.id());

		assertThat(Db.column(db, ORDERS)).isEqualTo(this.before);
	}

	@Test
	void onlyTheRowsAnAllowedDeleteSelectsAreCopied(TestDatabase db) {
		this.files.write("V2__delete.sql", """
				-- strata:allow delete reason="clean-up"
				delete from orders o using (select 'c3' as name) c where o.customer = c.name or o.note is null;
				""");
		Strata strata = strata(db);
		long gone = Db.count(db, "select count(*) from orders where customer = 'c3' or note is null");
		strata.migrate();

		ArchiveEntry archive = only(strata, ArchiveKind.DELETED_ROWS);
		assertThat(archive.rows()).isEqualTo(gone).isLessThan(500);

		strata.restore(archive.id());

		assertThat(Db.column(db, ORDERS)).isEqualTo(this.before);
	}

	@Test
	void oldValuesOfAnUpdateWithoutWhereAreCopiedAndRestored(TestDatabase db) {
		this.files.write("V2__update.sql", """
				-- strata:allow update-without-where reason="normalise"
				update orders set note = upper(note), amount = 0;
				""");
		Strata strata = strata(db);
		strata.migrate();

		assertThat(Db.count(db, "select count(*) from orders where amount <> 0")).isZero();
		ArchiveEntry archive = only(strata, ArchiveKind.UPDATED_ROWS);
		assertThat(archive.rows()).isEqualTo(500);

		strata.restore(archive.id());

		assertThat(Db.column(db, ORDERS)).isEqualTo(this.before);
	}

}
