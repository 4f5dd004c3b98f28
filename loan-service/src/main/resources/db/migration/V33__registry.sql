-- Issue 18: the registries' facts about a right and a pledge that follows the register.

-- What the register says of a right beyond its status: a court freeze (gazette PP01 until PD01), an ownership
-- dispute that suspends proceedings, and a same-day invention + utility-model filing (a risk the parties must
-- acknowledge before a pledge is registered).
ALTER TABLE ip_asset ADD COLUMN preserved boolean DEFAULT false NOT NULL;
ALTER TABLE ip_asset ADD COLUMN ownership_disputed boolean DEFAULT false NOT NULL;
ALTER TABLE ip_asset ADD COLUMN same_day_dual_filing boolean DEFAULT false NOT NULL;

-- The registered owners of a right when it has more than one (co-ownership), and each owner's written consent to
-- pledging it. No rows: the asset's owner_credit_code is the sole owner.
CREATE TABLE ip_asset_owner (
    asset_id          uuid          NOT NULL REFERENCES ip_asset (id),
    credit_code       char(18)      NOT NULL,
    name              varchar(200)  NOT NULL,
    position          integer       NOT NULL,
    consented_on      date,
    consent_document  varchar(200),
    PRIMARY KEY (asset_id, credit_code)
);

-- A pledge's life on the register: REGISTERED, then CHANGED (debt amount or term), EXTENDED, and RELEASED
-- (cancelled at closure or disposal), each step with the registry's number, its date and the certificate.
CREATE TABLE pledge_step (
    id               uuid          NOT NULL PRIMARY KEY,
    loan_id          uuid          NOT NULL REFERENCES loan (id),
    step             varchar(20)   NOT NULL,
    registration_no  varchar(60)   NOT NULL,
    registered_on    date          NOT NULL,
    certificate_no   varchar(60),
    debt_amount      numeric(18,2),
    debt_ends_on     date,
    reason           varchar(500),
    recorded_by      varchar(200)  NOT NULL,
    recorded_at      timestamp with time zone NOT NULL
);
CREATE INDEX pledge_step_loan_idx ON pledge_step (loan_id, recorded_at);

-- A licence or transfer of a pledged right needs the pledgee's consent (Civil Code art. 444): requested, then
-- approved or refused by another person (four eyes). The proceeds prepay the loan or go to an escrow account.
CREATE TABLE pledge_consent (
    id               uuid          NOT NULL PRIMARY KEY,
    loan_id          uuid          NOT NULL REFERENCES loan (id),
    kind             varchar(20)   NOT NULL,
    counterparty     varchar(200)  NOT NULL,
    proceeds         numeric(18,2) NOT NULL CHECK (proceeds > 0),
    proceeds_use     varchar(20)   NOT NULL,
    escrow_account   varchar(60),
    status           varchar(20)   NOT NULL,
    requested_by     uuid          NOT NULL,
    requested_at     timestamp with time zone NOT NULL,
    decided_by       uuid,
    decided_at       timestamp with time zone,
    note             varchar(500)
);
CREATE INDEX pledge_consent_loan_idx ON pledge_consent (loan_id, requested_at);
