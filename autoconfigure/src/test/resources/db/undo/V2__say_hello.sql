insert into greeting (id, text) values (1, 'hello');
