-- Examples of cluster: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
CLUSTER orders USING orders_pkey;

-- finds
CLUSTER VERBOSE customers;

-- passes: the word in a comment
COMMENT ON TABLE orders IS 'CLUSTER orders';
