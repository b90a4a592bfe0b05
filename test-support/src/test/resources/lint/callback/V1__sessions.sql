create table sessions (id int primary key);
