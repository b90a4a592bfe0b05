-- Customers moved to the accounts service.

DROP TABLE customers;
