-- Examples of rename-table: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER TABLE customers RENAME TO clients;

-- finds
ALTER TABLE IF EXISTS orders RENAME TO purchases;

-- finds
ALTER TABLE invoices SET SCHEMA billing;

-- passes: a table created in the same migration
CREATE TABLE new_clients (id int);
ALTER TABLE new_clients RENAME TO clients;
