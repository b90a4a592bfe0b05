-- Examples of add-foreign-key-without-not-valid: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk
    FOREIGN KEY (customer_id) REFERENCES customers (id);

-- finds
ALTER TABLE order_lines ADD CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);

-- finds
ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT;

-- passes: not valid, validated later
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk
    FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
