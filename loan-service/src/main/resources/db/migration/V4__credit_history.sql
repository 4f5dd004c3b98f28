-- What the credit report says about the borrower when the bank files the application (rules read it).
ALTER TABLE loan_application ADD COLUMN currently_overdue boolean DEFAULT false NOT NULL;
ALTER TABLE loan_application ADD COLUMN years_since_last_default integer;
ALTER TABLE loan_application ADD COLUMN on_dishonesty_list boolean DEFAULT false NOT NULL;
