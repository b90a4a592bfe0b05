-- Examples of drop-column: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER TABLE users DROP COLUMN fax;

-- finds
ALTER TABLE customers DROP COLUMN fax;

-- finds
ALTER TABLE customers DROP IF EXISTS middle_name;

-- passes: a column added in the same migration
ALTER TABLE users ADD COLUMN fax text;
ALTER TABLE users DROP COLUMN fax;

-- passes: a table created in the same migration
CREATE TABLE new_users (id int, fax text);
ALTER TABLE new_users DROP COLUMN fax;
