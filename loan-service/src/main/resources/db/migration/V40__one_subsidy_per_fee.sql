-- Issue 19: one premium, one subsidy. A fee subsidy names the fee it subsidises (the bank's reference: a policy,
-- guarantee contract or invoice number; else the year it was paid), and a loan's fee of one kind with one reference
-- is subsidised once, whichever programme the loan is enrolled in. Interest accruals carry no reference (NULLs are
-- distinct, so the index leaves them alone); they are unique by their repayment.
ALTER TABLE subsidy_accrual ADD COLUMN fee_reference varchar(100);

CREATE UNIQUE INDEX subsidy_accrual_one_per_fee ON subsidy_accrual (loan_id, kind, fee_reference);
