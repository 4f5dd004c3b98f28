-- Loss sharing (issue 7): configured schemes, what each loan is covered by at disbursement, defaults with their
-- loss waterfall, claims on the sharing parties, recoveries from disposing of the IP, and the bureau's overall NPL
-- figure per bank. Portable DDL (jOOQ's DDLDatabase reads it). Money numeric(18,2) yuan; ratios numeric(9,6).

-- One configured facility per (rule-base scheme, party): the guarantee insurance behind INSURER, a risk-compensation
-- pool behind RISK_COMPENSATION_POOL, a guarantee fund behind GUARANTOR / GUARANTEE_FUND. `share` is the facility's
-- share of a loss under that scheme (for insurance: its coverage ratio); the share a loan carries is frozen from its
-- decision at disbursement. A pool's capacity_used moves only by a conditional UPDATE; the CHECK is the last line.
CREATE TABLE loss_sharing_scheme (
    id                     uuid          NOT NULL PRIMARY KEY,
    name                   varchar(80)   NOT NULL UNIQUE,
    kind                   varchar(30)   NOT NULL,
    rule_scheme            varchar(80)   NOT NULL,
    party                  varchar(40)   NOT NULL,
    share                  numeric(9,6)  NOT NULL,
    premium_rate           numeric(9,6),
    premium_subsidy_ratio  numeric(9,6),
    capacity               numeric(18,2),
    capacity_used          numeric(18,2) NOT NULL,
    per_loan_cap           numeric(18,2),
    created_by             varchar(80)   NOT NULL,
    created_at             timestamp with time zone NOT NULL,
    CONSTRAINT loss_sharing_scheme_kind CHECK (kind IN ('GUARANTEE_INSURANCE', 'RISK_COMPENSATION_POOL',
                                                        'GUARANTEE_FUND')),
    CONSTRAINT loss_sharing_scheme_share CHECK (share > 0 AND share <= 1),
    CONSTRAINT loss_sharing_scheme_one_per_party UNIQUE (rule_scheme, party),
    CONSTRAINT loss_sharing_scheme_within_capacity CHECK (capacity_used >= 0
        AND (capacity IS NULL OR capacity_used <= capacity))
);

-- What covers a disbursed loan, frozen at disbursement: one row per party of the decision's risk share.
CREATE TABLE loan_risk_cover (
    loan_id          uuid          NOT NULL REFERENCES loan (id),
    party            varchar(40)   NOT NULL,
    rule_scheme      varchar(80)   NOT NULL,
    scheme_id        uuid          REFERENCES loss_sharing_scheme (id),
    share            numeric(9,6)  NOT NULL,
    loss_cap         numeric(18,2),
    premium          numeric(18,2),
    premium_subsidy  numeric(18,2),
    pool_exposure    numeric(18,2),
    created_at       timestamp with time zone NOT NULL,
    PRIMARY KEY (loan_id, party)
);

CREATE TABLE loan_default (
    loan_id                uuid          NOT NULL PRIMARY KEY REFERENCES loan (id),
    bank_id                uuid          NOT NULL REFERENCES bank (id),
    defaulted_on           date          NOT NULL,
    note                   varchar(1000),
    rule_scheme            varchar(80)   NOT NULL,
    outstanding_principal  numeric(18,2) NOT NULL,
    interest_due           numeric(18,2) NOT NULL,
    exposure_at_default    numeric(18,2) NOT NULL,
    loss                   numeric(18,2) NOT NULL,
    net_recovered          numeric(18,2) NOT NULL,
    realised_lgd           numeric(9,6)  NOT NULL,
    created_at             timestamp with time zone NOT NULL,
    updated_at             timestamp with time zone NOT NULL,
    CONSTRAINT loan_default_recovered_within_loss CHECK (net_recovered >= 0 AND net_recovered <= loss)
);
CREATE INDEX loan_default_bank ON loan_default (bank_id);

CREATE TABLE loss_allocation (
    loan_id  uuid          NOT NULL REFERENCES loan_default (loan_id),
    party    varchar(40)   NOT NULL,
    share    numeric(9,6)  NOT NULL,
    amount   numeric(18,2) NOT NULL CHECK (amount >= 0),
    capped   boolean       NOT NULL,
    PRIMARY KEY (loan_id, party)
);

CREATE TABLE loss_claim (
    id          uuid          NOT NULL PRIMARY KEY,
    loan_id     uuid          NOT NULL REFERENCES loan_default (loan_id),
    party       varchar(40)   NOT NULL,
    amount      numeric(18,2) NOT NULL CHECK (amount > 0),
    status      varchar(10)   NOT NULL CHECK (status IN ('FILED', 'PAID')),
    filed_on    date          NOT NULL,
    paid_on     date,
    created_at  timestamp with time zone NOT NULL,
    updated_at  timestamp with time zone NOT NULL,
    CONSTRAINT loss_claim_one_per_party UNIQUE (loan_id, party),
    CONSTRAINT loss_claim_paid_on CHECK ((status = 'PAID') = (paid_on IS NOT NULL))
);

CREATE TABLE recovery (
    id            uuid          NOT NULL PRIMARY KEY,
    loan_id       uuid          NOT NULL REFERENCES loan_default (loan_id),
    amount        numeric(18,2) NOT NULL CHECK (amount > 0),
    costs         numeric(18,2) NOT NULL CHECK (costs >= 0),
    net_amount    numeric(18,2) NOT NULL CHECK (net_amount >= 0),
    recovered_on  date          NOT NULL,
    method        varchar(20)   NOT NULL CHECK (method IN ('AUCTION', 'TRANSFER', 'LICENCE')),
    created_at    timestamp with time zone NOT NULL
);
CREATE INDEX recovery_loan ON recovery (loan_id);

CREATE TABLE recovery_share (
    recovery_id  uuid          NOT NULL REFERENCES recovery (id),
    party        varchar(40)   NOT NULL,
    amount       numeric(18,2) NOT NULL CHECK (amount >= 0),
    PRIMARY KEY (recovery_id, party)
);

-- The bank's overall NPL ratio (all lending), as the bureau sets it; the latest as_of not after today counts.
CREATE TABLE bank_npl (
    bank_id            uuid          NOT NULL REFERENCES bank (id),
    as_of              date          NOT NULL,
    overall_npl_ratio  numeric(9,6)  NOT NULL CHECK (overall_npl_ratio >= 0 AND overall_npl_ratio <= 1),
    updated_by         varchar(80)   NOT NULL,
    updated_at         timestamp with time zone NOT NULL,
    PRIMARY KEY (bank_id, as_of)
);
