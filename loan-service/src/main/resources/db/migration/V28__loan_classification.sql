-- Five-category loan classification (五级分类) and delinquency, kept on the loan and as a history of moves.
-- classification is what the bank reports: the floor from days past due, or worse when the bank said so
-- (bank_classification, with its reason); never better than the floor.
ALTER TABLE loan ADD COLUMN classification varchar(20) DEFAULT 'NORMAL' NOT NULL;
ALTER TABLE loan ADD COLUMN classification_floor varchar(20) DEFAULT 'NORMAL' NOT NULL;
ALTER TABLE loan ADD COLUMN bank_classification varchar(20);
ALTER TABLE loan ADD COLUMN bank_classification_reason varchar(500);
ALTER TABLE loan ADD COLUMN days_past_due integer DEFAULT 0 NOT NULL;
ALTER TABLE loan ADD COLUMN delinquency_bucket varchar(20) DEFAULT 'CURRENT' NOT NULL;
ALTER TABLE loan ADD COLUMN classified_on date;

-- A defaulted loan is non-performing whatever its schedule says.
UPDATE loan SET classification = 'SUBSTANDARD', classification_floor = 'SUBSTANDARD' WHERE status = 'DEFAULTED';

CREATE INDEX loan_classification_idx ON loan (classification);

-- Every move between delinquency buckets (kind BUCKET) or classifications (kind CLASSIFICATION), with its reason.
CREATE TABLE loan_classification_move (
    id bigserial PRIMARY KEY,
    loan_id uuid NOT NULL REFERENCES loan (id),
    on_date date NOT NULL,
    kind varchar(20) NOT NULL,
    from_value varchar(20) NOT NULL,
    to_value varchar(20) NOT NULL,
    days_past_due integer NOT NULL,
    reason varchar(1000) NOT NULL,
    actor varchar(200) NOT NULL,
    recorded_at timestamp with time zone NOT NULL
);
CREATE INDEX loan_classification_move_loan_idx ON loan_classification_move (loan_id, id);

-- The business date's shift from Beijing's calendar date, in days (0 unless an admin moved it forward where
-- IPLEDGE_BUSINESS_DATE_ADJUSTABLE=true). One row; every instance reads it.
CREATE TABLE business_date_shift (
    id integer PRIMARY KEY,
    shift_days integer NOT NULL,
    business_date date NOT NULL,
    moved_at timestamp with time zone NOT NULL,
    moved_by varchar(200) NOT NULL
);
