-- Monitoring (issue 7): legal-status events on IP rights and the alerts they (and the scheduled jobs) raise.

-- One row per event as reported. source is the reporting bank's id, or BUREAU for the registry feed (a
-- bank's event concerns its own assets only; the bureau's every bank's). The unique key makes a repeated report
-- harmless: it is answered as a duplicate and raises nothing.
CREATE TABLE monitoring_event (
    id              uuid          NOT NULL PRIMARY KEY,
    source          varchar(40)   NOT NULL,
    bank_id         uuid          REFERENCES bank (id),
    asset_number    varchar(20)   NOT NULL,
    asset_type      varchar(30),
    type            varchar(30)   NOT NULL,
    occurred_on     date          NOT NULL,
    matched_assets  integer       NOT NULL,
    reported_by     uuid          NOT NULL,
    created_at      timestamp with time zone NOT NULL,
    CONSTRAINT monitoring_event_once UNIQUE (asset_number, type, occurred_on, source)
);
CREATE INDEX monitoring_event_number ON monitoring_event (asset_number, occurred_on);

-- An alert on a live loan. asset_id is null for alerts about the whole loan (value drop, LTV breach); event_id
-- is null for alerts raised by a scheduled job. dedup_key names the fact an alert is about (an asset's event of a
-- type on a day, a due date and warning threshold) so that it is raised once per loan and rule however often it
-- is reported; loan-wide alerts have none (they are not raised again while one of the same rule is unresolved).
CREATE TABLE alert (
    id                    uuid          NOT NULL PRIMARY KEY,
    bank_id               uuid          NOT NULL REFERENCES bank (id),
    loan_id               uuid          NOT NULL REFERENCES loan (id),
    asset_id              uuid          REFERENCES ip_asset (id),
    event_id              uuid          REFERENCES monitoring_event (id),
    rule_id               varchar(40)   NOT NULL,
    severity              varchar(10)   NOT NULL,
    action                varchar(20)   NOT NULL,
    message_zh            varchar(1000) NOT NULL,
    message_en            varchar(1000) NOT NULL,
    status                varchar(20)   NOT NULL,
    ltv                   numeric(18,6),
    collateral_value      numeric(18,2),
    dedup_key             varchar(200),
    rule_base_version     varchar(80),
    parameters_version    varchar(40),
    created_at            timestamp with time zone NOT NULL,
    acknowledged_by       uuid,
    acknowledged_at       timestamp with time zone,
    acknowledgement_note  varchar(1000),
    resolved_by           uuid,
    resolved_at           timestamp with time zone,
    note                  varchar(1000),
    CONSTRAINT alert_status CHECK (status IN ('OPEN', 'ACKNOWLEDGED', 'RESOLVED')),
    CONSTRAINT alert_once UNIQUE (loan_id, rule_id, dedup_key)
);
CREATE INDEX alert_bank_status ON alert (bank_id, status, created_at);
CREATE INDEX alert_loan ON alert (loan_id, rule_id, status);
