-- Examples of rewrite-table: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER TABLE events SET TABLESPACE archive_space;

-- finds
ALTER TABLE import_staging SET LOGGED;

-- passes: a table created in the same migration
CREATE TABLE new_events (id int);
ALTER TABLE new_events SET TABLESPACE archive_space;
