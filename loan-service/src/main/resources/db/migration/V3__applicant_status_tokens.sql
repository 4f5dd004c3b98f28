-- The SME web form (issue 8): an applicant follows its application at /status/{token}. The token (256 random-looking
-- bits) is never stored: only its SHA-256, so a copy of this table opens no status page. The contact person and
-- phone the firm gave on the form live here too: the borrower and application records have no place for them.
CREATE TABLE applicant_status_token (
    token_hash      varchar(64)  NOT NULL PRIMARY KEY,
    application_id  uuid         NOT NULL REFERENCES loan_application (id),
    bank_id         uuid         NOT NULL REFERENCES bank (id),
    contact_name    varchar(100) NOT NULL,
    contact_phone   varchar(30)  NOT NULL,
    created_at      timestamp with time zone NOT NULL
);
CREATE INDEX applicant_status_token_application ON applicant_status_token (application_id);
