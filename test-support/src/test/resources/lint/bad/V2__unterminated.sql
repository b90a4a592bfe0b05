INSERT INTO notes (body)
VALUES ('it''s never closed);
