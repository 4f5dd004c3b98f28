-- Quotas, audit chain, policy parameters, valuations, decisions, loans and repayments.

-- A bank's earmarked annual credit plan (单列信贷计划), optionally for one segment (an IP type or an ecological
-- industry; ALL otherwise). The counters move only together with a quota_movement row; the CHECK is the last line
-- of defence behind the conditional UPDATE.
CREATE TABLE quota_plan (
    id          uuid          NOT NULL PRIMARY KEY,
    bank_id     uuid          NOT NULL REFERENCES bank (id),
    plan_year   integer       NOT NULL CHECK (plan_year BETWEEN 2000 AND 2100),
    segment     varchar(40)   NOT NULL,
    amount      numeric(18,2) NOT NULL CHECK (amount > 0),
    reserved    numeric(18,2) NOT NULL,
    drawn       numeric(18,2) NOT NULL,
    created_at  timestamp with time zone NOT NULL,
    updated_at  timestamp with time zone NOT NULL,
    CONSTRAINT quota_plan_one_per_segment UNIQUE (bank_id, plan_year, segment),
    CONSTRAINT quota_plan_within_amount CHECK (reserved >= 0 AND drawn >= 0 AND reserved + drawn <= amount)
);

CREATE TABLE quota_movement (
    id          uuid          NOT NULL PRIMARY KEY,
    plan_id     uuid          NOT NULL REFERENCES quota_plan (id),
    loan_id     uuid          NOT NULL,
    kind        varchar(10)   NOT NULL CHECK (kind IN ('RESERVE', 'RELEASE', 'DRAW')),
    amount      numeric(18,2) NOT NULL CHECK (amount > 0),
    created_at  timestamp with time zone NOT NULL
);
CREATE INDEX quota_movement_plan ON quota_movement (plan_id);
CREATE INDEX quota_movement_loan ON quota_movement (loan_id);

-- Hash-chained audit log: each entry holds the hash of the one before, over a canonical serialisation.
CREATE TABLE audit_entry (
    seq          bigint        NOT NULL PRIMARY KEY,
    occurred_at  timestamp with time zone NOT NULL,
    actor        varchar(80)   NOT NULL,
    action       varchar(60)   NOT NULL,
    entity_type  varchar(40)   NOT NULL,
    entity_id    varchar(80)   NOT NULL,
    bank_id      uuid,
    payload      varchar(100000) NOT NULL,
    prev_hash    varchar(64)   NOT NULL,
    hash         varchar(64)   NOT NULL
);

-- Versioned credit-policy parameters (LTV caps, thresholds, spreads, schemes) that the rules read as facts.
CREATE TABLE policy_parameters (
    version     integer       NOT NULL PRIMARY KEY,
    parameters  varchar(1000000) NOT NULL,
    created_at  timestamp with time zone NOT NULL,
    created_by  varchar(80)   NOT NULL
);

CREATE TABLE valuation (
    id                uuid          NOT NULL PRIMARY KEY,
    asset_id          uuid          NOT NULL REFERENCES ip_asset (id),
    bank_id           uuid          NOT NULL REFERENCES bank (id),
    valuation_date    date          NOT NULL,
    reconciled_value  numeric(18,2) NOT NULL,
    collateral_value  numeric(18,2) NOT NULL,
    value_score       numeric(6,2),
    engine_version    varchar(60)   NOT NULL,
    seed              bigint        NOT NULL,
    paths             integer       NOT NULL,
    request           varchar(1000000) NOT NULL,
    result            varchar(1000000) NOT NULL,
    created_at        timestamp with time zone NOT NULL
);
CREATE INDEX valuation_asset ON valuation (asset_id, created_at);

CREATE TABLE decision (
    id                  uuid          NOT NULL PRIMARY KEY,
    application_id      uuid          NOT NULL REFERENCES loan_application (id),
    outcome             varchar(10)   NOT NULL,
    approved_limit      numeric(18,2) NOT NULL,
    ltv                 numeric(9,6),
    pd                  numeric(9,6),
    lgd                 numeric(9,6),
    expected_loss       numeric(18,2),
    risk_grade          varchar(10),
    interest_rate       numeric(9,6),
    body                varchar(1000000) NOT NULL,
    rule_base_version   varchar(80)   NOT NULL,
    parameters_version  integer       NOT NULL,
    model_version       varchar(120)  NOT NULL,
    valuation_version   varchar(60)   NOT NULL,
    input_hash          varchar(64)   NOT NULL,
    evaluated_by        uuid          NOT NULL,
    created_at          timestamp with time zone NOT NULL
);
CREATE INDEX decision_application ON decision (application_id, created_at);

CREATE TABLE approval (
    application_id  uuid          NOT NULL REFERENCES loan_application (id),
    approver        uuid          NOT NULL,
    approve         boolean       NOT NULL,
    note            varchar(1000),
    created_at      timestamp with time zone NOT NULL,
    PRIMARY KEY (application_id, approver)
);

CREATE TABLE loan (
    id                      uuid          NOT NULL PRIMARY KEY,
    application_id          uuid          NOT NULL UNIQUE REFERENCES loan_application (id),
    bank_id                 uuid          NOT NULL REFERENCES bank (id),
    borrower_id             uuid          NOT NULL REFERENCES borrower (id),
    decision_id             uuid          NOT NULL REFERENCES decision (id),
    quota_plan_id           uuid          NOT NULL REFERENCES quota_plan (id),
    principal               numeric(18,2) NOT NULL CHECK (principal > 0),
    annual_rate             numeric(9,6)  NOT NULL,
    term_months             integer       NOT NULL,
    repayment_type          varchar(30)   NOT NULL,
    status                  varchar(20)   NOT NULL,
    approved_at             timestamp with time zone NOT NULL,
    expires_at              timestamp with time zone NOT NULL,
    pledge_registration_no  varchar(60),
    pledge_registered_on    date,
    disbursed_on            date,
    outstanding_principal   numeric(18,2) NOT NULL,
    closed_on               date,
    version                 integer       NOT NULL,
    created_at              timestamp with time zone NOT NULL,
    updated_at              timestamp with time zone NOT NULL
);
CREATE INDEX loan_bank_status ON loan (bank_id, status);

CREATE TABLE schedule_line (
    loan_id          uuid          NOT NULL REFERENCES loan (id),
    seq              integer       NOT NULL,
    due_on           date          NOT NULL,
    principal        numeric(18,2) NOT NULL,
    interest         numeric(18,2) NOT NULL,
    principal_paid   numeric(18,2) NOT NULL,
    interest_paid    numeric(18,2) NOT NULL,
    PRIMARY KEY (loan_id, seq)
);

CREATE TABLE repayment (
    id              uuid          NOT NULL PRIMARY KEY,
    loan_id         uuid          NOT NULL REFERENCES loan (id),
    amount          numeric(18,2) NOT NULL CHECK (amount > 0),
    paid_on         date          NOT NULL,
    interest_part   numeric(18,2) NOT NULL,
    principal_part  numeric(18,2) NOT NULL,
    created_at      timestamp with time zone NOT NULL
);
CREATE INDEX repayment_loan ON repayment (loan_id);

-- One row per scheduled job: the instance that holds the row lock runs it; last success is recorded.
CREATE TABLE job_run (
    job           varchar(60)   NOT NULL PRIMARY KEY,
    last_started  timestamp with time zone,
    last_success  timestamp with time zone,
    last_error    varchar(2000),
    runs          integer       NOT NULL
);
