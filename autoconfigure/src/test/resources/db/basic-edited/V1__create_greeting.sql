-- Edited after it was applied: the checksum no longer matches the history.
create table greeting (
    id integer primary key,
    text text not null
);
