-- Examples of set-not-null: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER TABLE customers ALTER COLUMN email SET NOT NULL;

-- finds
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL, ALTER COLUMN total SET NOT NULL;

-- finds
ALTER TABLE customers ALTER COLUMN phone TYPE varchar(32), ALTER COLUMN phone SET NOT NULL;

-- passes: a table created in the same migration
CREATE TABLE new_customers (email text);
ALTER TABLE new_customers ALTER COLUMN email SET NOT NULL;
