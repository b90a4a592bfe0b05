create table orders (
    id integer primary key,
    total integer
);
insert into orders (id, total) values (1, null), (2, 40);
create materialized view order_totals as select count(*) as orders, coalesce(sum(total), 0) as total from orders;
create unique index order_totals_one on order_totals (orders);
