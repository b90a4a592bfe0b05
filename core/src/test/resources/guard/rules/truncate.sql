-- Examples of truncate: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
TRUNCATE sessions;

-- finds
TRUNCATE TABLE import_staging RESTART IDENTITY;

-- finds
TRUNCATE orders, order_lines CASCADE;

-- passes: a table created in the same migration
CREATE TABLE new_sessions (id int);
TRUNCATE new_sessions;
