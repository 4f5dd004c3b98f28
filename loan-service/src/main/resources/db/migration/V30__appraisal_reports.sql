-- Issue 16: external appraisal reports a bank posts for its own assets, with the report file (a PDF) kept in
-- PostgreSQL beside its figures. Each report is also a stored valuation (source APPRAISER) that the bank's
-- decisions may lend against while the report is ACCEPTED and not past valid_until. Portable DDL (see V1).
ALTER TABLE valuation DROP CONSTRAINT valuation_source;
ALTER TABLE valuation ADD CONSTRAINT valuation_source CHECK (source IN ('DESK', 'BANK', 'BUREAU', 'APPRAISER'));

CREATE TABLE appraisal_report (
    id                 uuid          NOT NULL PRIMARY KEY,
    bank_id            uuid          NOT NULL REFERENCES bank (id),
    asset_id           uuid          NOT NULL REFERENCES ip_asset (id),
    valuation_id       uuid          NOT NULL REFERENCES valuation (id),
    firm               varchar(200)  NOT NULL,
    report_number      varchar(100)  NOT NULL,
    report_date        date          NOT NULL,
    method             varchar(10)   NOT NULL,
    appraised_value    numeric(18,2) NOT NULL,
    valid_until        date          NOT NULL,
    status             varchar(10)   NOT NULL,
    file_name          varchar(200)  NOT NULL,
    file_size          integer       NOT NULL,
    file_sha256        char(64)      NOT NULL,
    file_content       bytea         NOT NULL,
    assumptions        varchar(4000),
    created_by         uuid          NOT NULL,
    created_at         timestamp with time zone NOT NULL,
    withdrawn_by       uuid,
    withdrawn_at       timestamp with time zone,
    withdrawal_reason  varchar(1000),
    CONSTRAINT appraisal_report_method CHECK (method IN ('INCOME', 'MARKET', 'COST')),
    CONSTRAINT appraisal_report_status CHECK (status IN ('ACCEPTED', 'WITHDRAWN')),
    CONSTRAINT appraisal_report_number UNIQUE (bank_id, firm, report_number)
);
CREATE INDEX appraisal_report_asset ON appraisal_report (asset_id, report_date);
CREATE UNIQUE INDEX appraisal_report_valuation ON appraisal_report (valuation_id);
