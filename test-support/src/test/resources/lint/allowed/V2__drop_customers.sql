-- strata:allow drop-table reason="customers moved to the accounts service"
DROP TABLE customers;
