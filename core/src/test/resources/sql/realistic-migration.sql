-- strata: transactional=true
-- V7__orders.sql: orders, audit trigger; it's "fine" to have ; and ' here
/* Block comment with a nested /* inner; */ part
   and 'unbalanced quote and $$ dollar; */

CREATE TABLE orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer    text   NOT NULL DEFAULT E'anon\'s',
    total       numeric(12, 2) CHECK (total >= 0),
    "Status;x"  text   DEFAULT 'new' -- trailing ; comment
);

CREATE OR REPLACE FUNCTION audit_orders() RETURNS trigger
LANGUAGE plpgsql AS $$
DECLARE
  q text := $q$ INSERT INTO audit VALUES ('x;y'); $q$;
BEGIN
  IF TG_OP = 'DELETE' THEN
    RETURN OLD;
  END IF;
  EXECUTE q;
  RETURN NEW;
END;
$$;

CREATE TRIGGER orders_audit AFTER INSERT OR UPDATE OR DELETE ON orders
  FOR EACH ROW EXECUTE FUNCTION audit_orders();

DO $do$
BEGIN
  RAISE NOTICE 'done; really';
END
$do$;

CREATE FUNCTION order_size(total numeric) RETURNS text
LANGUAGE sql
BEGIN ATOMIC
  SELECT CASE WHEN total > 100 THEN 'big' ELSE 'small' END;
  SELECT 'unused; text';
END;

CREATE RULE orders_log AS ON INSERT TO orders DO ALSO (
  INSERT INTO audit VALUES ('rule');
  UPDATE counters SET n = n + 1 WHERE name = 'orders';
);

INSERT INTO orders (customer, total) VALUES (E'O\'Brien; Ltd', 12.50), ('x', .5);;

COMMENT ON TABLE orders IS 'customer orders; one row per order'
-- end of file; nothing after this
