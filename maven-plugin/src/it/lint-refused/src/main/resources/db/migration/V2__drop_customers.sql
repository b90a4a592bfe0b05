-- the old table goes
DROP TABLE customers;
