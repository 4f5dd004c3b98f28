-- Portable DDL: jOOQ's DDLDatabase reads this file at build time to generate classes, and Flyway runs it on
-- PostgreSQL at start. Keep PostgreSQL-only syntax out of it. Money is numeric(18,2) in yuan.

CREATE TABLE bank (
    id          uuid         NOT NULL PRIMARY KEY,
    code        varchar(32)  NOT NULL UNIQUE,
    name        varchar(200) NOT NULL,
    created_at  timestamp with time zone NOT NULL
);

CREATE TABLE api_key (
    id          uuid         NOT NULL PRIMARY KEY,
    key_hash    varchar(64)  NOT NULL UNIQUE,
    key_prefix  varchar(12)  NOT NULL,
    role        varchar(20)  NOT NULL,
    bank_id     uuid         REFERENCES bank (id),
    label       varchar(200) NOT NULL,
    created_at  timestamp with time zone NOT NULL,
    revoked_at  timestamp with time zone,
    CONSTRAINT api_key_role CHECK (role IN ('ADMIN', 'BUREAU', 'BANK_OFFICER', 'BANK_APPROVER')),
    CONSTRAINT api_key_bank_roles CHECK ((role IN ('BANK_OFFICER', 'BANK_APPROVER')) = (bank_id IS NOT NULL))
);

CREATE TABLE borrower (
    id                 uuid          NOT NULL PRIMARY KEY,
    bank_id            uuid          NOT NULL REFERENCES bank (id),
    name               varchar(200)  NOT NULL,
    credit_code        char(18)      NOT NULL,
    industry_code      varchar(5)    NOT NULL,
    eco_industry       varchar(40),
    region_code        char(6)       NOT NULL,
    employees          integer       NOT NULL CHECK (employees >= 0),
    operating_revenue  numeric(18,2) NOT NULL CHECK (operating_revenue >= 0),
    total_assets       numeric(18,2) NOT NULL CHECK (total_assets >= 0),
    founded_on         date          NOT NULL,
    size_class         varchar(10)   NOT NULL,
    created_at         timestamp with time zone NOT NULL,
    CONSTRAINT borrower_credit_code_per_bank UNIQUE (bank_id, credit_code)
);

CREATE TABLE ip_asset (
    id                 uuid          NOT NULL PRIMARY KEY,
    bank_id            uuid          NOT NULL REFERENCES bank (id),
    type               varchar(30)   NOT NULL,
    number             varchar(20)   NOT NULL,
    title              varchar(300)  NOT NULL,
    owner_credit_code  char(18)      NOT NULL,
    filing_date        date          NOT NULL,
    grant_date         date,
    registration_date  date,
    legal_status       varchar(30)   NOT NULL,
    claims             integer,
    forward_citations  integer,
    family_size        integer,
    nice_classes       varchar(200),
    expires_on         date          NOT NULL,
    created_at         timestamp with time zone NOT NULL,
    CONSTRAINT ip_asset_number_per_bank UNIQUE (bank_id, type, number)
);

CREATE TABLE loan_application (
    id                uuid          NOT NULL PRIMARY KEY,
    bank_id           uuid          NOT NULL REFERENCES bank (id),
    borrower_id       uuid          NOT NULL REFERENCES borrower (id),
    requested_amount  numeric(18,2) NOT NULL CHECK (requested_amount > 0),
    term_months       integer       NOT NULL CHECK (term_months BETWEEN 1 AND 120),
    purpose           varchar(500)  NOT NULL,
    insurance         boolean       NOT NULL,
    status            varchar(30)   NOT NULL,
    filed_by          uuid          NOT NULL,
    created_at        timestamp with time zone NOT NULL,
    updated_at        timestamp with time zone NOT NULL
);
CREATE INDEX loan_application_bank_status ON loan_application (bank_id, status, created_at);

CREATE TABLE application_collateral (
    application_id  uuid    NOT NULL REFERENCES loan_application (id),
    position        integer NOT NULL,
    asset_id        uuid    NOT NULL REFERENCES ip_asset (id),
    PRIMARY KEY (application_id, position)
);

-- One row per (caller, key): the first request's outcome is replayed for retries.
CREATE TABLE idempotency_record (
    scope            varchar(80)  NOT NULL,
    idempotency_key  uuid         NOT NULL,
    request_hash     varchar(64)  NOT NULL,
    response_status  integer,
    response_body    varchar(1000000),
    created_at       timestamp with time zone NOT NULL,
    PRIMARY KEY (scope, idempotency_key)
);
CREATE INDEX idempotency_record_created ON idempotency_record (created_at);
