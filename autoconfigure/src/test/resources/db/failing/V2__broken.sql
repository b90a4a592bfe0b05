-- The first statement is fine, the second refers to a table that does not exist.
insert into greeting (id, text) values (1, 'hello');

insert into no_such_table (id) values (1);
