package dev.strata.guard.rules.internal;

import static dev.strata.guard.rules.internal.Recognise.rules;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StatementRecogniserTest {

	@Test
	void ordinaryMigrationsProduceNoFindings() {
		assertThat(rules("""
				CREATE TABLE users (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, email text NOT NULL UNIQUE);
				CREATE UNLOGGED TABLE IF NOT EXISTS cache (k text, v text);
				CREATE OR REPLACE VIEW active_users AS SELECT * FROM users WHERE id > 0;
				CREATE OR REPLACE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
				BEGIN DELETE FROM users; DROP TABLE users; RETURN NEW; END $$;
				CREATE TRIGGER t BEFORE UPDATE ON users FOR EACH ROW EXECUTE FUNCTION touch();
				CREATE INDEX CONCURRENTLY idx ON orders (created_at);
				CREATE TYPE mood AS ENUM ('happy', 'sad');
				CREATE EXTENSION IF NOT EXISTS pgcrypto;
				CREATE SCHEMA IF NOT EXISTS app;
				CREATE SEQUENCE order_no START 1000;
				INSERT INTO users (email) VALUES ('a@example.com') ON CONFLICT DO NOTHING;
				INSERT INTO settings SELECT 'x', now();
				COMMENT ON TABLE users IS 'DROP TABLE users';
				GRANT SELECT ON users TO reporting;
				REVOKE ALL ON users FROM PUBLIC;
				SET search_path = app, public;
				ALTER SEQUENCE order_no RESTART WITH 2000;
				ALTER INDEX idx RENAME TO idx_orders_created;
				ALTER TYPE mood ADD VALUE 'ok';
				ANALYZE users;
				UPDATE users SET email = lower(email) WHERE email <> lower(email);
				SELECT count(*) FROM users;
				LOCK TABLE users IN SHARE MODE
				""")).isEmpty();
	}

	@Test
	void keywordsInStringsCommentsAndQuotedIdentifiersAreNotKeywords() {
		assertThat(rules("""
				-- DROP TABLE users;
				/* TRUNCATE orders; */
				INSERT INTO notes (body) VALUES ('DROP TABLE users; DELETE FROM orders');
				INSERT INTO notes (body) VALUES ($x$TRUNCATE users$x$);
				SELECT "DROP" FROM "DELETE"
				""")).isEmpty();
	}

}
