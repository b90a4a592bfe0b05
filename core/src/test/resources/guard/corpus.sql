-- The guard's corpus: realistic migration statements, each preceded by the findings expected
-- (rule ids in order, or none). The file is read as one migration, so objects created above
-- a statement are exempt below it; tables named new_* are created here, all others pre-exist.

-- ===== Creating things: no findings =====

-- expect: none
CREATE TABLE new_customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
-- expect: none
CREATE TABLE IF NOT EXISTS new_orders (
    id bigserial PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES new_customers (id) ON DELETE CASCADE,
    total numeric(12, 2) NOT NULL CHECK (total >= 0),
    status text NOT NULL DEFAULT 'new'
);
-- expect: none
CREATE UNLOGGED TABLE new_cache (key text PRIMARY KEY, value jsonb, expires_at timestamptz);
-- expect: none
CREATE TEMPORARY TABLE new_scratch (id int);
-- expect: none
CREATE TABLE new_events (id bigint, happened_at timestamptz NOT NULL) PARTITION BY RANGE (happened_at);
-- expect: none
CREATE TABLE new_events_2025 PARTITION OF new_events FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
-- expect: none
CREATE TABLE new_order_archive (LIKE new_orders INCLUDING ALL);
-- expect: none
CREATE TABLE new_report AS SELECT id, email FROM new_customers WHERE false;
-- expect: none
CREATE TABLE "new_Quoted" ("Id" int, "select" text);
-- expect: none
CREATE INDEX new_orders_customer_idx ON new_orders (customer_id);
-- expect: none
CREATE UNIQUE INDEX new_customers_lower_email ON new_customers (lower(email));
-- expect: none
CREATE INDEX ON new_events (happened_at);
-- expect: none
CREATE INDEX CONCURRENTLY orders_created_idx ON orders (created_at);
-- expect: none
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (email);
-- expect: none
CREATE INDEX CONCURRENTLY products_search_idx ON products USING gin (to_tsvector('english', name));
-- expect: none
CREATE TYPE order_state AS ENUM ('new', 'paid', 'shipped', 'cancelled');
-- expect: none
CREATE TYPE money_amount AS (amount numeric, currency char(3));
-- expect: none
CREATE DOMAIN email_address AS text CHECK (VALUE ~ '@');
-- expect: none
CREATE SEQUENCE invoice_number START WITH 1000 INCREMENT BY 1;
-- expect: none
CREATE SCHEMA IF NOT EXISTS reporting;
-- expect: none
CREATE SCHEMA audit AUTHORIZATION app_owner;
-- expect: none
CREATE EXTENSION IF NOT EXISTS pgcrypto;
-- expect: none
CREATE EXTENSION IF NOT EXISTS "uuid-ossp" WITH SCHEMA public;
-- expect: none
CREATE OR REPLACE VIEW active_customers AS SELECT * FROM customers WHERE deleted_at IS NULL;
-- expect: none
CREATE VIEW reporting.daily_sales AS SELECT date_trunc('day', created_at) AS day, sum(total) FROM orders GROUP BY 1;
-- expect: none
CREATE MATERIALIZED VIEW reporting.monthly_sales AS SELECT date_trunc('month', created_at) AS month, sum(total) AS total FROM orders GROUP BY 1 WITH NO DATA;
-- expect: none
CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    NEW.updated_at := now();
    -- DROP TABLE customers; in a comment inside the body
    DELETE FROM audit_log WHERE false;
    RETURN NEW;
END
$$;
-- expect: none
CREATE FUNCTION order_total(o_id bigint) RETURNS numeric LANGUAGE sql STABLE AS 'SELECT total FROM orders WHERE id = o_id';
-- expect: none
CREATE OR REPLACE FUNCTION add_one(i int) RETURNS int LANGUAGE sql IMMUTABLE BEGIN ATOMIC SELECT i + 1; END;
-- expect: none
CREATE OR REPLACE PROCEDURE archive_orders(cutoff date) LANGUAGE plpgsql AS $proc$
BEGIN
    INSERT INTO order_archive SELECT * FROM orders WHERE created_at < cutoff;
    DELETE FROM orders WHERE created_at < cutoff;
END
$proc$;
-- expect: none
CREATE TRIGGER customers_updated_at BEFORE UPDATE ON customers FOR EACH ROW EXECUTE FUNCTION set_updated_at();
-- expect: none
CREATE OR REPLACE TRIGGER orders_updated_at BEFORE UPDATE ON orders FOR EACH ROW EXECUTE PROCEDURE set_updated_at();
-- expect: none
CREATE CONSTRAINT TRIGGER check_stock AFTER INSERT ON order_lines DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION check_stock();
-- expect: none
CREATE POLICY tenant_isolation ON documents USING (tenant_id = current_setting('app.tenant')::bigint);
-- expect: none
CREATE ROLE reporting_reader NOLOGIN;
-- expect: none
CREATE COLLATION IF NOT EXISTS german (provider = icu, locale = 'de-DE');
-- expect: none
CREATE STATISTICS orders_stats (dependencies) ON customer_id, status FROM orders;
-- expect: none
CREATE PUBLICATION orders_pub FOR TABLE orders;
-- expect: none
CREATE RULE no_delete AS ON DELETE TO ledger DO INSTEAD NOTHING;
-- expect: none
CREATE AGGREGATE array_cat_agg(anycompatiblearray) (SFUNC = array_cat, STYPE = anycompatiblearray);
-- expect: none
CREATE CAST (text AS email_address) WITH INOUT AS IMPLICIT;
-- expect: none
CREATE TEXT SEARCH CONFIGURATION english_unaccent (COPY = english);
-- expect: none
CREATE EVENT TRIGGER log_ddl ON ddl_command_end EXECUTE FUNCTION log_ddl();
-- expect: none
CREATE FOREIGN TABLE remote_orders (id bigint) SERVER legacy OPTIONS (table_name 'orders');

-- ===== Data and housekeeping: no findings =====

-- expect: none
INSERT INTO countries (code, name) VALUES ('DE', 'Germany'), ('FR', 'France'), ('IT', 'Italy');
-- expect: none
INSERT INTO settings (key, value) VALUES ('feature.x', 'on') ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value;
-- expect: none
INSERT INTO settings (key, value) VALUES ('maintenance', 'off') ON CONFLICT DO NOTHING;
-- expect: none
INSERT INTO order_archive SELECT * FROM orders WHERE created_at < now() - interval '2 years';
-- expect: none
INSERT INTO notes (body) VALUES ('DROP TABLE customers; TRUNCATE orders; DELETE FROM users');
-- expect: none
INSERT INTO notes (body) VALUES (E'it\'s fine; DROP SCHEMA public');
-- expect: none
INSERT INTO notes (body) VALUES ($note$ALTER TABLE users DROP COLUMN email$note$) RETURNING id;
-- expect: none
INSERT INTO new_customers (email, name) SELECT email, name FROM legacy_customers;
-- expect: none
UPDATE customers SET email = lower(email) WHERE email <> lower(email);
-- expect: none
UPDATE orders SET status = 'cancelled' WHERE status = 'void';
-- expect: none
UPDATE orders o SET customer_name = c.name FROM customers c WHERE c.id = o.customer_id;
-- expect: none
UPDATE products SET price = price * 1.1 WHERE category_id IN (SELECT id FROM categories WHERE name = 'books');
-- expect: none
UPDATE new_customers SET name = upper(name);
-- expect: none
DELETE FROM new_cache;
-- expect: none
COMMENT ON TABLE customers IS 'People who buy things. DROP TABLE customers would be bad.';
-- expect: none
COMMENT ON COLUMN customers.email IS 'Unique, lower-case';
-- expect: none
GRANT SELECT, INSERT, UPDATE ON customers TO app_user;
-- expect: none
GRANT USAGE ON SCHEMA reporting TO reporting_reader;
-- expect: none
GRANT SELECT ON ALL TABLES IN SCHEMA reporting TO reporting_reader;
-- expect: none
REVOKE ALL ON orders FROM PUBLIC;
-- expect: none
REVOKE DELETE ON ledger FROM app_user;
-- expect: none
SET search_path = app, public;
-- expect: none
SET LOCAL statement_timeout = '5min';
-- expect: none
SET lock_timeout TO '2s';
-- expect: none
RESET search_path;
-- expect: none
ANALYZE customers;
-- expect: none
ANALYZE;
-- expect: none
VACUUM ANALYZE orders;
-- expect: none
VACUUM (VERBOSE, ANALYZE) products;
-- expect: none
SELECT setval('customers_id_seq', (SELECT max(id) FROM customers));
-- expect: none
SELECT setval(pg_get_serial_sequence('orders', 'id'), coalesce(max(id), 1)) FROM orders;
-- expect: none
SELECT set_config('search_path', 'app, public', false);
-- expect: none
SELECT pg_advisory_xact_lock(42);
-- expect: none
SELECT count(*) FROM customers;
-- expect: none
SELECT 1;
-- expect: none
LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE;
-- expect: none
SECURITY LABEL FOR selinux ON TABLE customers IS 'system_u:object_r:sepgsql_table_t:s0';
-- expect: none
NOTIFY schema_changed, 'v42';
-- expect: none
REFRESH MATERIALIZED VIEW CONCURRENTLY reporting.top_products;
-- expect: none
REINDEX INDEX CONCURRENTLY orders_created_idx;
-- expect: none
REINDEX TABLE CONCURRENTLY orders;
-- expect: none
COPY countries (code, name) FROM '/tmp/countries.csv' WITH (FORMAT csv);
-- expect: none
DROP INDEX CONCURRENTLY IF EXISTS orders_old_idx;
-- expect: none
DROP VIEW IF EXISTS active_customers;
-- expect: none
DROP FUNCTION IF EXISTS order_total(bigint);
-- expect: none
DROP PROCEDURE IF EXISTS archive_orders(date);
-- expect: none
DROP TRIGGER IF EXISTS customers_updated_at ON customers;
-- expect: none
DROP POLICY IF EXISTS tenant_isolation ON documents;
-- expect: none
DROP EXTENSION IF EXISTS "uuid-ossp";
-- expect: none
DROP ROLE IF EXISTS old_reader;
-- expect: none
DROP RULE IF EXISTS no_delete ON ledger;
-- expect: none
DROP PUBLICATION IF EXISTS orders_pub;

-- ===== ALTER statements that are safe =====

-- expect: none
ALTER TABLE customers ADD COLUMN phone text;
-- expect: none
ALTER TABLE customers ADD COLUMN IF NOT EXISTS marketing_opt_in boolean NOT NULL DEFAULT false;
-- expect: none
ALTER TABLE orders ADD COLUMN updated_at timestamptz DEFAULT now();
-- expect: none
ALTER TABLE orders ADD COLUMN notes jsonb NOT NULL DEFAULT '{}'::jsonb;
-- expect: none
ALTER TABLE orders ADD COLUMN currency char(3) NOT NULL DEFAULT 'EUR', ADD COLUMN discount numeric(5, 2);
-- expect: none
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
-- expect: none
ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_fk;
-- expect: none
ALTER TABLE orders ADD CONSTRAINT orders_total_positive CHECK (total >= 0) NOT VALID;
-- expect: none
ALTER TABLE customers ADD CONSTRAINT customers_email_key UNIQUE USING INDEX users_email_key;
-- expect: none
ALTER TABLE accounts ADD CONSTRAINT accounts_pkey PRIMARY KEY USING INDEX accounts_id_idx;
-- expect: none
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_status_check;
-- expect: none
ALTER TABLE orders ALTER COLUMN status SET DEFAULT 'new';
-- expect: none
ALTER TABLE orders ALTER COLUMN status DROP DEFAULT;
-- expect: none
ALTER TABLE orders ALTER COLUMN notes SET STATISTICS 1000;
-- expect: none
ALTER TABLE orders ALTER COLUMN notes SET STORAGE EXTERNAL;
-- expect: none
ALTER TABLE customers ALTER COLUMN id ADD GENERATED BY DEFAULT AS IDENTITY;
-- expect: none
ALTER TABLE customers ALTER COLUMN id RESTART WITH 1000;
-- expect: none
ALTER TABLE customers ENABLE ROW LEVEL SECURITY;
-- expect: none
ALTER TABLE customers FORCE ROW LEVEL SECURITY;
-- expect: none
ALTER TABLE orders DISABLE TRIGGER orders_updated_at;
-- expect: none
ALTER TABLE orders ENABLE TRIGGER ALL;
-- expect: none
ALTER TABLE orders OWNER TO app_owner;
-- expect: none
ALTER TABLE orders SET (autovacuum_vacuum_scale_factor = 0.01, fillfactor = 90);
-- expect: none
ALTER TABLE orders RESET (fillfactor);
-- expect: none
ALTER TABLE orders REPLICA IDENTITY FULL;
-- expect: none
ALTER TABLE events ATTACH PARTITION events_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01');
-- expect: none
ALTER TABLE events DETACH PARTITION events_2019 CONCURRENTLY;
-- expect: none
ALTER TABLE orders RENAME CONSTRAINT orders_fk TO orders_customer_id_fkey;
-- expect: none
ALTER TABLE orders CLUSTER ON orders_pkey;
-- expect: none
ALTER TABLE new_customers ADD COLUMN loyalty_points int NOT NULL;
-- expect: none
ALTER TABLE new_customers ADD COLUMN referral_code uuid DEFAULT gen_random_uuid();
-- expect: none
ALTER TABLE new_customers ALTER COLUMN name TYPE varchar(200);
-- expect: none
ALTER TABLE new_customers ALTER COLUMN referral_code SET NOT NULL;
-- expect: none
ALTER TABLE new_customers RENAME COLUMN loyalty_points TO points;
-- expect: none
ALTER TABLE new_customers DROP COLUMN points;
-- expect: none
ALTER TABLE new_orders ADD CONSTRAINT new_orders_status_check CHECK (status IN ('new', 'paid'));
-- expect: none
ALTER TABLE new_report RENAME TO new_report_v2;
-- expect: none
ALTER TABLE customers ADD COLUMN scratch int;
-- expect: none
ALTER TABLE customers DROP COLUMN scratch;
-- expect: none
ALTER SEQUENCE invoice_number RESTART WITH 5000;
-- expect: none
ALTER SEQUENCE orders_id_seq OWNED BY orders.id;
-- expect: none
ALTER INDEX orders_created_idx RENAME TO orders_created_at_idx;
-- expect: none
ALTER INDEX orders_created_at_idx SET (fillfactor = 80);
-- expect: none
ALTER VIEW active_customers RENAME TO current_customers;
-- expect: none
ALTER FUNCTION set_updated_at() OWNER TO app_owner;
-- expect: none
ALTER SCHEMA reporting OWNER TO app_owner;
-- expect: none
ALTER DEFAULT PRIVILEGES IN SCHEMA reporting GRANT SELECT ON TABLES TO reporting_reader;
-- expect: none
ALTER ROLE app_user SET statement_timeout = '30s';
-- expect: none
ALTER TYPE order_state ADD VALUE IF NOT EXISTS 'refunded' AFTER 'shipped';
-- expect: none
ALTER TYPE status ADD VALUE 'archived';
-- expect: none
ALTER TYPE money_amount ADD ATTRIBUTE note text;
-- expect: none
ALTER TYPE status RENAME TO order_status;
-- expect: none
ALTER EXTENSION pgcrypto UPDATE;
-- expect: none
ALTER DOMAIN email_address SET NOT NULL;
-- expect: none
ALTER MATERIALIZED VIEW reporting.monthly_sales OWNER TO app_owner;

-- ===== DESTRUCTIVE =====

-- expect: drop-table
DROP TABLE legacy_customers;
-- expect: drop-table
DROP TABLE IF EXISTS old_sessions;
-- expect: drop-table, drop-table
DROP TABLE temp_import, temp_import_errors;
-- expect: drop-table, cascade
DROP TABLE IF EXISTS audit_log CASCADE;
-- expect: drop-table
DROP TABLE app."Legacy Orders";
-- expect: none
DROP TABLE new_scratch;
-- expect: none
DROP TABLE IF EXISTS new_order_archive CASCADE;
-- expect: none
DROP TABLE new_report_v2;
-- expect: drop-schema
DROP SCHEMA legacy;
-- expect: drop-schema, cascade
DROP SCHEMA IF EXISTS staging CASCADE;
-- expect: none
DROP SCHEMA audit;
-- expect: drop-database
DROP DATABASE IF EXISTS old_app;
-- expect: drop-owned
DROP OWNED BY legacy_user CASCADE;
-- expect: drop-column
ALTER TABLE customers DROP COLUMN fax;
-- expect: drop-column
ALTER TABLE customers DROP IF EXISTS middle_name;
-- expect: drop-column, cascade
ALTER TABLE orders DROP COLUMN legacy_status CASCADE;
-- expect: drop-column, drop-column
ALTER TABLE customers DROP COLUMN street, DROP COLUMN city, ADD COLUMN address jsonb;
-- expect: drop-column
ALTER TABLE IF EXISTS ONLY "Customers" DROP COLUMN "Email";
-- expect: truncate
TRUNCATE sessions;
-- expect: truncate
TRUNCATE TABLE import_staging RESTART IDENTITY;
-- expect: truncate, truncate, cascade
TRUNCATE orders, order_lines CASCADE;
-- expect: none
TRUNCATE new_cache;
-- expect: delete
DELETE FROM sessions WHERE expires_at < now();
-- expect: delete
DELETE FROM customers;
-- expect: delete
DELETE FROM ONLY orders o USING customers c WHERE c.id = o.customer_id AND c.deleted;
-- expect: delete
DELETE FROM audit_log WHERE id IN (SELECT id FROM audit_log ORDER BY id LIMIT 1000) RETURNING id;
-- expect: delete
WITH doomed AS (DELETE FROM carts WHERE updated_at < now() - interval '90 days' RETURNING id) INSERT INTO cart_purge_log SELECT id FROM doomed;
-- expect: delete
MERGE INTO stock s USING stock_updates u ON s.sku = u.sku WHEN MATCHED AND u.qty = 0 THEN DELETE WHEN MATCHED THEN UPDATE SET qty = u.qty;
-- expect: update-without-where
UPDATE customers SET marketing_opt_in = false;
-- expect: update-without-where
UPDATE orders SET total = (SELECT sum(amount) FROM order_lines l WHERE l.order_id = orders.id);
-- expect: update-without-where
UPDATE ONLY products AS p SET price = round(p.price, 2);
-- expect: update-without-where
WITH rates AS (SELECT 1.2 AS r) UPDATE products SET price = price * (SELECT r FROM rates);
-- expect: drop-type
DROP TYPE mood;
-- expect: drop-type, cascade
DROP TYPE IF EXISTS legacy_status CASCADE;
-- expect: drop-type
DROP DOMAIN phone_number;
-- expect: none
DROP TYPE money_amount;
-- expect: rename-enum-value
ALTER TYPE status RENAME VALUE 'canceled' TO 'cancelled';
-- expect: drop-enum-value
ALTER TYPE order_status DROP VALUE 'void';
-- expect: drop-materialized-view
DROP MATERIALIZED VIEW reporting.top_products;
-- expect: none
DROP MATERIALIZED VIEW reporting.monthly_sales;
-- expect: drop-sequence
DROP SEQUENCE legacy_id_seq;
-- expect: none
DROP SEQUENCE invoice_number;
-- expect: cascade
DROP VIEW customer_summary CASCADE;
-- expect: cascade
DROP FUNCTION normalize_email(text) CASCADE;
-- expect: drop-extension, cascade
DROP EXTENSION postgis CASCADE;
-- expect: cascade
ALTER TABLE customers DROP CONSTRAINT customers_pkey CASCADE;

-- ===== LOCKING =====

-- expect: create-index-not-concurrently
CREATE INDEX orders_status_idx ON orders (status);
-- expect: create-index-not-concurrently
CREATE UNIQUE INDEX customers_email_idx ON customers (email);
-- expect: create-index-not-concurrently
CREATE INDEX IF NOT EXISTS orders_customer_created_idx ON orders USING btree (customer_id, created_at DESC) WHERE status <> 'cancelled';
-- expect: create-index-not-concurrently
CREATE INDEX ON ONLY events (happened_at);
-- expect: drop-index-not-concurrently
DROP INDEX orders_legacy_idx;
-- expect: drop-index-not-concurrently
DROP INDEX IF EXISTS app.customers_name_idx;
-- expect: none
DROP INDEX new_orders_customer_idx;
-- expect: add-foreign-key-without-not-valid
ALTER TABLE order_lines ADD CONSTRAINT order_lines_order_fk FOREIGN KEY (order_id) REFERENCES orders (id);
-- expect: add-foreign-key-without-not-valid
ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE RESTRICT;
-- expect: add-foreign-key-without-not-valid
ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id);
-- expect: add-check-without-not-valid
ALTER TABLE products ADD CONSTRAINT price_positive CHECK (price > 0);
-- expect: add-check-without-not-valid
ALTER TABLE products ADD CHECK (stock >= 0);
-- expect: add-unique-constraint
ALTER TABLE customers ADD CONSTRAINT customers_phone_key UNIQUE (phone);
-- expect: add-unique-constraint
ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during WITH &&);
-- expect: add-unique-constraint
ALTER TABLE customers ADD COLUMN tax_id text UNIQUE;
-- expect: add-primary-key
ALTER TABLE legacy_items ADD PRIMARY KEY (id);
-- expect: add-primary-key
ALTER TABLE legacy_items ADD CONSTRAINT legacy_items_pkey PRIMARY KEY (id, version);
-- expect: set-not-null
ALTER TABLE customers ALTER COLUMN email SET NOT NULL;
-- expect: set-not-null, set-not-null
ALTER TABLE orders ALTER COLUMN customer_id SET NOT NULL, ALTER COLUMN total SET NOT NULL;
-- expect: alter-column-type
ALTER TABLE orders ALTER COLUMN total TYPE numeric(14, 2);
-- expect: alter-column-type
ALTER TABLE customers ALTER COLUMN id SET DATA TYPE bigint;
-- expect: alter-column-type
ALTER TABLE events ALTER COLUMN payload TYPE jsonb USING payload::jsonb;
-- expect: alter-column-type, set-not-null
ALTER TABLE customers ALTER COLUMN phone TYPE varchar(32), ALTER COLUMN phone SET NOT NULL;
-- expect: add-column-volatile-default
ALTER TABLE orders ADD COLUMN public_id uuid NOT NULL DEFAULT gen_random_uuid();
-- expect: add-column-volatile-default
ALTER TABLE orders ADD COLUMN imported_at timestamptz DEFAULT clock_timestamp();
-- expect: add-column-volatile-default
ALTER TABLE orders ADD COLUMN legacy_uuid uuid DEFAULT uuid_generate_v4();
-- expect: add-column-volatile-default
ALTER TABLE customers ADD COLUMN seq bigserial;
-- expect: add-column-volatile-default
ALTER TABLE customers ADD COLUMN number int GENERATED BY DEFAULT AS IDENTITY;
-- expect: add-column-volatile-default
ALTER TABLE order_lines ADD COLUMN line_total numeric GENERATED ALWAYS AS (qty * price) STORED;
-- expect: rewrite-table
ALTER TABLE events SET TABLESPACE archive_space;
-- expect: rewrite-table
ALTER TABLE import_staging SET LOGGED;
-- expect: vacuum-full
VACUUM FULL orders;
-- expect: vacuum-full
VACUUM (FULL, VERBOSE) audit_log;
-- expect: cluster
CLUSTER orders USING orders_pkey;
-- expect: cluster
CLUSTER VERBOSE customers;
-- expect: refresh-materialized-view-not-concurrently
REFRESH MATERIALIZED VIEW reporting.top_products;
-- expect: refresh-materialized-view-not-concurrently
REFRESH MATERIALIZED VIEW reporting.top_products WITH DATA;
-- expect: reindex-not-concurrently
REINDEX INDEX orders_pkey;
-- expect: reindex-not-concurrently
REINDEX TABLE customers;
-- expect: reindex-not-concurrently
REINDEX (VERBOSE) SCHEMA app;
-- expect: detach-partition-not-concurrently
ALTER TABLE events DETACH PARTITION events_2018;

-- ===== INCOMPATIBLE =====

-- expect: rename-column
ALTER TABLE customers RENAME COLUMN name TO full_name;
-- expect: rename-column
ALTER TABLE orders RENAME total TO amount;
-- expect: rename-table
ALTER TABLE customers RENAME TO clients;
-- expect: rename-table
ALTER TABLE IF EXISTS orders RENAME TO purchases;
-- expect: rename-table
ALTER TABLE invoices SET SCHEMA billing;
-- expect: add-column-not-null-without-default
ALTER TABLE customers ADD COLUMN country_code char(2) NOT NULL;
-- expect: add-column-not-null-without-default
ALTER TABLE orders ADD COLUMN channel text COLLATE "C" NOT NULL;
-- expect: drop-not-null
ALTER TABLE customers ALTER COLUMN email DROP NOT NULL;
-- expect: drop-not-null, alter-column-type
ALTER TABLE orders ALTER COLUMN status DROP NOT NULL, ALTER COLUMN status TYPE text;

-- ===== REVIEW =====

-- expect: do-block
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'app_user') THEN
        CREATE ROLE app_user LOGIN;
    END IF;
END
$$;
-- expect: do-block
DO LANGUAGE plpgsql $do$ BEGIN PERFORM pg_sleep(0); END $do$;
-- expect: dynamic-sql
DO $$
DECLARE t text;
BEGIN
    FOR t IN SELECT tablename FROM pg_tables WHERE schemaname = 'staging' LOOP
        EXECUTE format('DROP TABLE staging.%I', t);
    END LOOP;
END
$$;
-- expect: dynamic-sql
DO $$ BEGIN EXECUTE 'DROP TABLE ' || 'customers'; END $$;
-- expect: do-block
DO $$ BEGIN RAISE NOTICE 'EXECUTE is only a word in this string'; END $$;
-- expect: function-call
SELECT migrate_legacy_orders();
-- expect: function-call
SELECT app.backfill_customer_names(1000);
-- expect: function-call
SELECT cron.schedule('nightly', '0 3 * * *', 'VACUUM');
-- expect: function-call
CALL archive_orders('2020-01-01');
-- expect: function-call
SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid();
-- expect: dynamic-sql
PREPARE purge(int) AS DELETE FROM sessions WHERE id = $1;
-- expect: dynamic-sql
EXECUTE purge(42);
-- expect: unrecognised-statement
ALTER SYSTEM SET max_connections = 500;
-- expect: unrecognised-statement
EXPLAIN ANALYZE DELETE FROM customers;
-- expect: unrecognised-statement
ALTER TABLE ALL IN TABLESPACE old_space SET TABLESPACE new_space;
-- expect: unrecognised-statement
ALTER TABLE orders INHERIT_SOMETHING parent;
-- expect: unrecognised-statement
ALTER TABLE orders ALTER COLUMN total SET WHATEVER;
-- expect: unrecognised-statement
ALTER TABLE orders ALTER COLUMN total MAKE BIGGER;
-- expect: unrecognised-statement
CREATE WIDGET sparkly;
-- expect: unrecognised-statement
GRANTX SELECT ON orders TO bob;
-- expect: unrecognised-statement
ALTER UNKNOWNTHING foo RENAME TO bar;
