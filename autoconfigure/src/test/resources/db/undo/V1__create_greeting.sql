create table greeting (
    id integer primary key,
    text text not null
);
