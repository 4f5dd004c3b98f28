-- Risk sharing in layers (issue 19): a layered scheme stacks parties (provincial pool, city pool, insurer, guarantee
-- fund, bank), each with its share of the IP part of a loss, a per-loan cap, a per-year cap and a claim window in
-- working days from the loan's classification as non-performing. Pools hold a balance that pays claims and returns
-- clawed-back money, and a leverage commitment (principal enrolled <= multiple x balance). Claims run a workflow:
-- FILED -> UNDER_REVIEW -> PAID | REFUSED (with a reason), and paid claims are clawed back pro rata on recoveries.
-- Portable DDL (jOOQ's DDLDatabase reads it). Money numeric(18,2) yuan; shares numeric(9,6).

CREATE TABLE risk_layer_scheme (
    id          uuid          NOT NULL PRIMARY KEY,
    name        varchar(80)   NOT NULL UNIQUE,
    created_by  varchar(200)  NOT NULL,
    created_at  timestamp with time zone NOT NULL
);

-- One layer of a scheme. balance moves only under the layer's row lock (payments, clawbacks) or by a conditional
-- UPDATE; committed_principal only by a conditional UPDATE against leverage_multiple x balance. The CHECKs are the
-- last line.
CREATE TABLE risk_layer (
    id                    uuid          NOT NULL PRIMARY KEY,
    scheme_id             uuid          NOT NULL REFERENCES risk_layer_scheme (id),
    position              integer       NOT NULL,
    party                 varchar(40)   NOT NULL,
    kind                  varchar(20)   NOT NULL,
    share                 numeric(9,6)  NOT NULL,
    per_loan_cap          numeric(18,2),
    per_year_cap          numeric(18,2),
    claim_window_days     integer,
    funded                numeric(18,2),
    balance               numeric(18,2),
    leverage_multiple     numeric(9,2),
    committed_principal   numeric(18,2) NOT NULL,
    CONSTRAINT risk_layer_kind CHECK (kind IN ('POOL', 'INSURER', 'GUARANTEE_FUND', 'BANK')),
    CONSTRAINT risk_layer_share CHECK (share >= 0 AND share <= 1),
    CONSTRAINT risk_layer_balance CHECK (balance IS NULL OR balance >= 0),
    CONSTRAINT risk_layer_committed CHECK (committed_principal >= 0),
    CONSTRAINT risk_layer_one_per_party UNIQUE (scheme_id, party),
    CONSTRAINT risk_layer_position UNIQUE (scheme_id, position)
);

-- What a layer paid in a calendar year (of the business date of payment), against its per-year cap.
CREATE TABLE risk_layer_year (
    layer_id  uuid          NOT NULL REFERENCES risk_layer (id),
    year      integer       NOT NULL,
    paid      numeric(18,2) NOT NULL CHECK (paid >= 0),
    PRIMARY KEY (layer_id, year)
);

-- A loan's enrolment in a layered scheme: the IP share of its collateral at approval, frozen.
CREATE TABLE loan_risk_layers (
    loan_id                 uuid          NOT NULL PRIMARY KEY REFERENCES loan (id),
    scheme_id               uuid          NOT NULL REFERENCES risk_layer_scheme (id),
    bank_id                 uuid          NOT NULL REFERENCES bank (id),
    principal               numeric(18,2) NOT NULL,
    ip_collateral_value     numeric(18,2) NOT NULL CHECK (ip_collateral_value > 0),
    other_collateral_value  numeric(18,2) NOT NULL CHECK (other_collateral_value >= 0),
    ip_share                numeric(9,6)  NOT NULL,
    enrolled_by             varchar(200)  NOT NULL,
    enrolled_at             timestamp with time zone NOT NULL
);

CREATE TABLE layer_claim (
    id                  uuid          NOT NULL PRIMARY KEY,
    loan_id             uuid          NOT NULL REFERENCES loan_risk_layers (loan_id),
    layer_id            uuid          NOT NULL REFERENCES risk_layer (id),
    party               varchar(40)   NOT NULL,
    kind                varchar(20)   NOT NULL,
    filed_on            date          NOT NULL,
    non_performing_on   date          NOT NULL,
    window_ends_on      date,
    loss                numeric(18,2) NOT NULL,
    covered_loss        numeric(18,2) NOT NULL,
    amount              numeric(18,2) NOT NULL CHECK (amount >= 0),
    capped              boolean       NOT NULL,
    status              varchar(20)   NOT NULL,
    reason              varchar(1000),
    paid_amount         numeric(18,2),
    paid_on             date,
    clawed_back         numeric(18,2) NOT NULL,
    filed_by            varchar(200)  NOT NULL,
    reviewed_by         varchar(200),
    decided_by          varchar(200),
    created_at          timestamp with time zone NOT NULL,
    updated_at          timestamp with time zone NOT NULL,
    CONSTRAINT layer_claim_status CHECK (status IN ('FILED', 'UNDER_REVIEW', 'PAID', 'REFUSED')),
    CONSTRAINT layer_claim_one_per_layer UNIQUE (loan_id, layer_id),
    CONSTRAINT layer_claim_paid CHECK ((status = 'PAID') = (paid_on IS NOT NULL AND paid_amount IS NOT NULL)),
    CONSTRAINT layer_claim_paid_within CHECK (paid_amount IS NULL OR (paid_amount > 0 AND paid_amount <= amount)),
    CONSTRAINT layer_claim_refused_reason CHECK (status <> 'REFUSED' OR reason IS NOT NULL),
    CONSTRAINT layer_claim_clawed_back CHECK (clawed_back >= 0 AND clawed_back <= coalesce(paid_amount, 0))
);
CREATE INDEX layer_claim_layer ON layer_claim (layer_id);

CREATE TABLE layer_recovery (
    id            uuid          NOT NULL PRIMARY KEY,
    loan_id       uuid          NOT NULL REFERENCES loan_risk_layers (loan_id),
    amount        numeric(18,2) NOT NULL CHECK (amount > 0),
    costs         numeric(18,2) NOT NULL CHECK (costs >= 0),
    net_amount    numeric(18,2) NOT NULL CHECK (net_amount >= 0),
    recovered_on  date          NOT NULL,
    bank_part     numeric(18,2) NOT NULL,
    recorded_by   varchar(200)  NOT NULL,
    created_at    timestamp with time zone NOT NULL
);
CREATE INDEX layer_recovery_loan ON layer_recovery (loan_id);

CREATE TABLE layer_clawback (
    recovery_id  uuid          NOT NULL REFERENCES layer_recovery (id),
    claim_id     uuid          NOT NULL REFERENCES layer_claim (id),
    amount       numeric(18,2) NOT NULL CHECK (amount > 0),
    PRIMARY KEY (recovery_id, claim_id)
);
