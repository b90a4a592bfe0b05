alter table orders alter column total set not null;
