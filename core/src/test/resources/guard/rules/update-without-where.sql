-- Examples of update-without-where: each case is a migration of its own.
-- "finds" cases must report the rule, "passes" cases must not (they may report others).

-- finds: the example in docs/guard.md
UPDATE customers SET marketing_opt_in = false;

-- finds
UPDATE orders SET total = (SELECT sum(amount) FROM order_lines l WHERE l.order_id = orders.id);

-- finds
UPDATE ONLY products AS p SET price = round(p.price, 2);

-- passes: an update with a where clause
UPDATE customers SET marketing_opt_in = false WHERE id = 1;
