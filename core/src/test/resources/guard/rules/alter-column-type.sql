-- Examples of alter-column-type: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2);

-- finds
ALTER TABLE customers ALTER COLUMN id SET DATA TYPE bigint;

-- finds
ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::jsonb;

-- passes: a table created in the same migration
CREATE TABLE new_orders (total numeric);
ALTER TABLE new_orders ALTER COLUMN total TYPE numeric(14, 2);
