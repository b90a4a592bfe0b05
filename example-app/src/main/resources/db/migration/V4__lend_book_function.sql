-- Lends a copy of a book if one is free; returns the loan id.
-- The body is dollar-quoted: its semicolons belong to plpgsql, not to the migration.
CREATE OR REPLACE FUNCTION lend_book(p_book_id bigint, p_borrower text)
RETURNS bigint
LANGUAGE plpgsql
AS $fn$
DECLARE
    v_copies  integer;
    v_out     integer;
    v_loan_id bigint;
BEGIN
    SELECT copies INTO v_copies FROM book WHERE id = p_book_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no book with id %', p_book_id USING ERRCODE = 'no_data_found';
    END IF;
    SELECT count(*) INTO v_out FROM loan WHERE book_id = p_book_id AND returned_on IS NULL;
    IF v_out >= v_copies THEN
        RAISE EXCEPTION 'all % copies of book % are out; it''s a popular one', v_copies, p_book_id
            USING ERRCODE = 'check_violation';
    END IF;
    INSERT INTO loan (book_id, borrower) VALUES (p_book_id, p_borrower) RETURNING id INTO v_loan_id;
    RETURN v_loan_id;
END;
$fn$;
