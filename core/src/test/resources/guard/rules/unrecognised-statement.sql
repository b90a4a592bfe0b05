-- Examples of unrecognised-statement: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER SYSTEM SET max_connections = 500;

-- finds
EXPLAIN ANALYZE DELETE FROM customers;

-- finds
ALTER TABLE orders INHERIT_SOMETHING parent;

-- passes: an ordinary statement
ALTER TABLE customers ADD COLUMN note text;
