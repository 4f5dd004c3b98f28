-- A replay answers with the first answer's Location too (a batch job's or a valuation's address).
ALTER TABLE idempotency_record ADD COLUMN response_location varchar(2000);
