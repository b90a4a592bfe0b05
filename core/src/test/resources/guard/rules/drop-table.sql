-- Examples of drop-table: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
DROP TABLE legacy_customers;

-- finds
DROP TABLE IF EXISTS old_sessions;

-- finds
DROP TABLE temp_import, temp_import_errors;

-- passes: a table created in the same migration
CREATE TABLE scratch (id int);
DROP TABLE scratch;

-- passes: the words in a string
COMMENT ON TABLE customers IS 'DROP TABLE customers';
