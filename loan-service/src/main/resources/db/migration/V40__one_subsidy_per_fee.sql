-- Issue 19: one premium, one subsidy. A fee subsidy names the fee it subsidises (the bank's reference: a policy,
-- guarantee contract or invoice number; else the year it was paid), and a loan's fee of one kind with one reference
-- is subsidised once, whichever programme the loan is enrolled in. Interest accruals carry no reference (NULLs are
-- distinct, so the index leaves them alone); they are unique by their repayment.
ALTER TABLE subsidy_accrual ADD COLUMN fee_reference varchar(100);

-- fees subsidised before this migration are the year's fee of their kind, as a fee without a reference is from
-- now on, so that a second claim for them is refused too; where one loan already had two of a kind in a year (the
-- double subsidy this closes), the later ones keep their own id as reference and stay on record
UPDATE subsidy_accrual a SET fee_reference = 'YEAR ' || EXTRACT(YEAR FROM a.paid_on)::int
 WHERE a.kind <> 'INTEREST'
   AND NOT EXISTS (SELECT 1 FROM subsidy_accrual b
                    WHERE b.loan_id = a.loan_id AND b.kind = a.kind
                      AND EXTRACT(YEAR FROM b.paid_on) = EXTRACT(YEAR FROM a.paid_on)
                      AND (b.created_at, b.id::text) < (a.created_at, a.id::text));
UPDATE subsidy_accrual SET fee_reference = 'LEGACY ' || id WHERE kind <> 'INTEREST' AND fee_reference IS NULL;

CREATE UNIQUE INDEX subsidy_accrual_one_per_fee ON subsidy_accrual (loan_id, kind, fee_reference);
