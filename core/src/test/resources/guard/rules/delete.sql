-- Examples of delete: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
DELETE FROM sessions WHERE expires_at < now();

-- finds
DELETE FROM customers;

-- finds
DELETE FROM ONLY orders o USING customers c WHERE c.id = o.customer_id AND c.deleted;

-- passes: a table created in the same migration
CREATE TABLE new_sessions (id int);
DELETE FROM new_sessions;
