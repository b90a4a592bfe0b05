-- Built without blocking writes to book. PostgreSQL cannot run CREATE INDEX CONCURRENTLY in a
-- transaction, so Strata runs this file outside one, statement by statement.
CREATE INDEX CONCURRENTLY IF NOT EXISTS book_title_lower_idx ON book (lower(title));
