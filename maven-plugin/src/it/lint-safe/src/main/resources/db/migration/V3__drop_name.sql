-- strata:allow drop-column reason="the application stopped reading it in release 12"
ALTER TABLE customers DROP COLUMN name;
