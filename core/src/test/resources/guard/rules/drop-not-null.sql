-- Examples of drop-not-null: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER TABLE customers ALTER COLUMN email DROP NOT NULL;

-- finds
ALTER TABLE orders ALTER COLUMN status DROP NOT NULL, ALTER COLUMN status TYPE text;

-- passes: a table created in the same migration
CREATE TABLE new_customers (email text NOT NULL);
ALTER TABLE new_customers ALTER COLUMN email DROP NOT NULL;
