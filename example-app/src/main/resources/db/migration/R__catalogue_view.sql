-- Repeatable: re-applied whenever this file changes, after all versioned migrations.
CREATE OR REPLACE VIEW catalogue AS
SELECT b.id,
       b.title,
       a.name AS author,
       b.published,
       b.copies,
       b.copies - count(l.id) FILTER (WHERE l.returned_on IS NULL) AS available
FROM book b
JOIN author a ON a.id = b.author_id
LEFT JOIN loan l ON l.book_id = b.id
GROUP BY b.id, a.name;
