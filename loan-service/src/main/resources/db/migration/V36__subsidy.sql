-- Issue 19: the province's interest subsidies (贴息) and fee subsidies, as programmes the bureau manages.
-- A programme's terms are its current version; every version is kept in subsidy_programme_version. The budget
-- counters move only by conditional UPDATEs: committed (claims filed or approved, not yet paid) plus paid never
-- exceed the budget.
CREATE TABLE subsidy_programme (
    id                          uuid          NOT NULL PRIMARY KEY,
    code                        varchar(40)   NOT NULL UNIQUE,
    name                        varchar(200)  NOT NULL,
    valid_from                  date          NOT NULL,
    valid_to                    date          NOT NULL,
    budget                      numeric(18,2) NOT NULL CHECK (budget > 0),
    committed                   numeric(18,2) NOT NULL CHECK (committed >= 0),
    paid                        numeric(18,2) NOT NULL CHECK (paid >= 0),
    interest_share              numeric(9,6)  NOT NULL,
    rate_cap_markup             numeric(9,6)  NOT NULL,
    interest_cap_per_firm_year  numeric(18,2) NOT NULL,
    min_ip_share                numeric(9,6)  NOT NULL,
    eligible_ip_types           varchar(400)  NOT NULL,
    guarantee_fee_share         numeric(9,6)  NOT NULL,
    guarantee_fee_cap           numeric(18,2) NOT NULL,
    insurance_fee_share         numeric(9,6)  NOT NULL,
    insurance_fee_cap           numeric(18,2) NOT NULL,
    valuation_fee_share         numeric(9,6)  NOT NULL,
    valuation_fee_cap           numeric(18,2) NOT NULL,
    version                     integer       NOT NULL,
    created_at                  timestamp with time zone NOT NULL,
    updated_at                  timestamp with time zone NOT NULL,
    CHECK (committed + paid <= budget)
);

-- Every version of a programme's terms as the bureau set them (JSON), with who set them.
CREATE TABLE subsidy_programme_version (
    programme_id  uuid          NOT NULL REFERENCES subsidy_programme (id),
    version       integer       NOT NULL,
    terms         text          NOT NULL,
    changed_by    varchar(200)  NOT NULL,
    changed_at    timestamp with time zone NOT NULL,
    PRIMARY KEY (programme_id, version)
);

-- A loan enrolled in a programme; the IP share (eligible IP collateral value / all collateral value, at approval)
-- is fixed here and applied to every subsidy of the loan.
CREATE TABLE subsidy_enrolment (
    id                      uuid          NOT NULL PRIMARY KEY,
    programme_id            uuid          NOT NULL REFERENCES subsidy_programme (id),
    loan_id                 uuid          NOT NULL REFERENCES loan (id),
    bank_id                 uuid          NOT NULL,
    credit_code             char(18)      NOT NULL,
    ip_value                numeric(18,2) NOT NULL,
    eligible_ip_value       numeric(18,2) NOT NULL,
    other_collateral_value  numeric(18,2) NOT NULL,
    ip_share                numeric(9,6)  NOT NULL,
    enrolled_by             varchar(200)  NOT NULL,
    enrolled_at             timestamp with time zone NOT NULL,
    UNIQUE (programme_id, loan_id)
);

-- What a firm has received from a programme in a year, per kind: the row is locked while an accrual is capped.
CREATE TABLE subsidy_firm_year (
    programme_id    uuid          NOT NULL REFERENCES subsidy_programme (id),
    credit_code     char(18)      NOT NULL,
    subsidy_year    integer       NOT NULL,
    interest        numeric(18,2) NOT NULL,
    guarantee_fee   numeric(18,2) NOT NULL,
    insurance_fee   numeric(18,2) NOT NULL,
    valuation_fee   numeric(18,2) NOT NULL,
    PRIMARY KEY (programme_id, credit_code, subsidy_year)
);

-- A bank's claim for one quarter of one programme.
CREATE TABLE subsidy_claim (
    id              uuid          NOT NULL PRIMARY KEY,
    programme_id    uuid          NOT NULL REFERENCES subsidy_programme (id),
    bank_id         uuid          NOT NULL,
    claim_year      integer       NOT NULL,
    claim_quarter   integer       NOT NULL,
    amount          numeric(18,2) NOT NULL,
    status          varchar(20)   NOT NULL,
    reason          varchar(500),
    filed_by        varchar(200)  NOT NULL,
    filed_at        timestamp with time zone NOT NULL,
    decided_by      varchar(200),
    decided_at      timestamp with time zone,
    paid_on         date,
    paid_at         timestamp with time zone
);

-- One subsidy earned by a real payment (a repayment's interest or a fee), as computed and capped; claimed once.
CREATE TABLE subsidy_accrual (
    id                  uuid          NOT NULL PRIMARY KEY,
    enrolment_id        uuid          NOT NULL REFERENCES subsidy_enrolment (id),
    programme_id        uuid          NOT NULL REFERENCES subsidy_programme (id),
    programme_version   integer       NOT NULL,
    loan_id             uuid          NOT NULL,
    bank_id             uuid          NOT NULL,
    credit_code         char(18)      NOT NULL,
    kind                varchar(20)   NOT NULL,
    source_id           uuid          NOT NULL,
    paid_on             date          NOT NULL,
    accrual_year        integer       NOT NULL,
    accrual_quarter     integer       NOT NULL,
    base                numeric(18,2) NOT NULL,
    actual_rate         numeric(9,6),
    lpr                 numeric(9,6),
    counted_rate        numeric(9,6),
    share               numeric(9,6)  NOT NULL,
    ip_share            numeric(9,6)  NOT NULL,
    computed            numeric(18,2) NOT NULL,
    amount              numeric(18,2) NOT NULL,
    claim_id            uuid          REFERENCES subsidy_claim (id),
    created_at          timestamp with time zone NOT NULL
);

CREATE INDEX subsidy_accrual_claimable ON subsidy_accrual (programme_id, bank_id, accrual_year, accrual_quarter);
CREATE INDEX subsidy_accrual_loan ON subsidy_accrual (loan_id);
CREATE INDEX subsidy_enrolment_loan ON subsidy_enrolment (loan_id);
