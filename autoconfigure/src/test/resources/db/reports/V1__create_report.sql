create table report (
    id integer primary key,
    title text not null
);
insert into report (id, title) values (1, 'monthly');
