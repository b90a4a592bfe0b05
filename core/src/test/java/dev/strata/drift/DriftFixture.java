package dev.strata.drift;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.UnaryOperator;

import javax.sql.DataSource;

import dev.strata.Strata;
import dev.strata.StrataConfig;

/** Migration files in a directory and a {@link Strata} over them, for drift tests. */
final class DriftFixture {

	/** A schema with one of nearly every kind the snapshot covers. */
	static final String SCHEMA = """
			create extension citext;
			create type order_status as enum ('new', 'paid', 'shipped');
			create type address as (street text, city text);
			create domain positive as integer constraint positive_check check (value > 0);
			create sequence invoice_no increment 5;
			create table customer (
				id bigint generated always as identity primary key,
				email citext not null unique,
				name varchar(100),
				created_at timestamptz not null default '2024-03-01 12:00:00+00',
				retention interval default '1 day 02:00:00',
				name_upper text generated always as (upper(name)) stored
			);
			create table orders (
				id bigserial primary key,
				customer_id bigint not null references customer (id),
				status order_status not null default 'new',
				note varchar(200),
				code text collate "C",
				amount numeric(10, 2) check (amount >= 0),
				quantity positive,
				placed_at timestamptz
			);
			create index orders_customer_idx on orders (customer_id);
			create index orders_big_idx on orders (amount) where amount > 100;
			create function touch() returns trigger language plpgsql as $$
			begin
				new.placed_at := now();
				return new;
			end
			$$;
			create procedure archive(before_date date) language sql as $$ delete from orders where placed_at < before_date $$;
			create trigger orders_touch before insert on orders for each row execute function touch();
			create view big_orders as select id, amount from orders where amount > 100;
			create materialized view customer_count as select count(*) as n from customer;
			create rule no_delete_customer as on delete to customer where old.id < 0 do instead nothing;
			alter table orders enable row level security;
			create policy orders_positive on orders using (customer_id > 0);
			create table events (id bigint, at date not null) partition by range (at);
			create table events_2024 partition of events for values from ('2024-01-01') to ('2025-01-01');
			comment on table customer is 'people who order';
			""";

	private final Path directory;

	private final DataSource dataSource;

	private int next = 1;

	DriftFixture(Path directory, DataSource dataSource) {
		this.directory = directory;
		this.dataSource = dataSource;
	}

	DriftFixture migration(String sql) {
		try {
			Files.writeString(this.directory.resolve("V" + this.next + "__step_" + this.next + ".sql"), sql);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		this.next++;
		return this;
	}

	Strata strata() {
		return strata(UnaryOperator.identity());
	}

	Strata strata(UnaryOperator<StrataConfig.Builder> customizer) {
		return strata(this.dataSource, customizer);
	}

	Strata strata(DataSource dataSource, UnaryOperator<StrataConfig.Builder> customizer) {
		return new Strata(
				customizer.apply(StrataConfig.builder(dataSource).locations("filesystem:" + this.directory)).build());
	}

}
