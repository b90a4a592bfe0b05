-- Examples of rename-column: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER TABLE customers RENAME COLUMN name TO full_name;

-- finds
ALTER TABLE orders RENAME total TO amount;

-- passes: a column added in the same migration
ALTER TABLE customers ADD COLUMN nick text;
ALTER TABLE customers RENAME COLUMN nick TO nickname;
