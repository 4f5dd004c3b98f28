-- Issue 17 (impersonation through the public form): a filing from the anonymous /apply form no longer attaches to
-- the bank's existing borrower or IP assets. Credit codes and patent numbers are public, so the form keeps what the
-- firm typed as an intake of its own; the bank's officer compares it with what is on file and confirms (creating or
-- explicitly attaching, which then files the application) or rejects it. Portable DDL first (see V1).
CREATE TABLE public_intake (
    id                 uuid          NOT NULL PRIMARY KEY,
    bank_id            uuid          NOT NULL REFERENCES bank (id),
    status             varchar(20)   NOT NULL,
    name               varchar(1000) NOT NULL,
    credit_code        varchar(1000) NOT NULL,
    industry_code      varchar(1000) NOT NULL,
    region_code        varchar(1000) NOT NULL,
    employees          integer       NOT NULL,
    operating_revenue  numeric(18,2) NOT NULL,
    total_assets       numeric(18,2) NOT NULL,
    founded_on         date          NOT NULL,
    contact_name       varchar(100)  NOT NULL,
    contact_phone      varchar(30)   NOT NULL,
    requested_amount   numeric(18,2) NOT NULL,
    term_months        integer       NOT NULL,
    purpose            varchar(1000) NOT NULL,
    client_address     varchar(100)  NOT NULL,
    submitted_at       timestamp with time zone NOT NULL,
    status_token_hash  varchar(64)   NOT NULL,
    decided_at         timestamp with time zone,
    decided_by         uuid,
    reject_reason      varchar(500),
    borrower_id        uuid          REFERENCES borrower (id),
    application_id     uuid          REFERENCES loan_application (id),
    CONSTRAINT public_intake_status CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED')),
    CONSTRAINT public_intake_token UNIQUE (status_token_hash)
);
CREATE INDEX public_intake_bank_status ON public_intake (bank_id, status, submitted_at);

-- The IP rights as typed, one row per filled row of the form (position = the form's row).
CREATE TABLE public_intake_asset (
    intake_id          uuid          NOT NULL REFERENCES public_intake (id),
    position           integer       NOT NULL,
    type               varchar(30)   NOT NULL,
    number             varchar(1000) NOT NULL,
    title              varchar(1000) NOT NULL,
    filing_date        date          NOT NULL,
    grant_date         date,
    registration_date  date,
    nice_classes       varchar(200),
    PRIMARY KEY (intake_id, position)
);

-- Every application says where it came from. Those filed by the form before this migration are the ones with a
-- status token (the form wrote the token in the same transaction as the application); all others came by the API.
ALTER TABLE loan_application ADD COLUMN origin varchar(20) DEFAULT 'API' NOT NULL;
ALTER TABLE loan_application ADD CONSTRAINT loan_application_origin CHECK (origin IN ('API', 'PUBLIC_FORM'));
ALTER TABLE loan_application ADD COLUMN intake_id uuid REFERENCES public_intake (id);

-- [jooq ignore start]
UPDATE loan_application SET origin = 'PUBLIC_FORM'
 WHERE id IN (SELECT application_id FROM applicant_status_token);
-- [jooq ignore stop]
