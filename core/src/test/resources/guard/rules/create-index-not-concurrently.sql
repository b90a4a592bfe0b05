-- Examples of create-index-not-concurrently: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
CREATE INDEX orders_status_idx ON orders (status);

-- finds
CREATE UNIQUE INDEX customers_email_idx ON customers (email);

-- finds
CREATE INDEX IF NOT EXISTS orders_customer_created_idx ON orders USING btree (customer_id, created_at DESC) WHERE status <> 'cancelled';

-- passes: concurrently
CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);

-- passes: on a table created in the same migration
CREATE TABLE new_orders (status text);
CREATE INDEX new_orders_status_idx ON new_orders (status);
