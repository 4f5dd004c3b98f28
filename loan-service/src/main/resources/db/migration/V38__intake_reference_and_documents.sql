-- Issue 20 (the SME applicant's pages). Portable DDL first (see V1).
-- A short reference a person can read out on the phone (8 characters without 0/O, 1/I/L), unique across intakes.
-- Intakes kept before this migration get one from their id (hex has no O, I or L; 0 and 1 become W and X).
ALTER TABLE public_intake ADD COLUMN reference varchar(8);
-- [jooq ignore start]
UPDATE public_intake SET reference = translate(upper(substr(md5(id::text), 1, 8)), '01', 'WX');
-- [jooq ignore stop]
ALTER TABLE public_intake ALTER COLUMN reference SET NOT NULL;
ALTER TABLE public_intake ADD CONSTRAINT public_intake_reference UNIQUE (reference);
-- the open filings of one firm at one bank, looked up on every submission to refuse a duplicate
CREATE INDEX public_intake_firm ON public_intake (bank_id, credit_code, status);

-- The documents a firm uploads from its status page (business licence, patent certificates, financial
-- statements), kept in PostgreSQL beside the intake for the bank's officer. The type is what the bytes are
-- (PDF, JPEG or PNG by their first bytes), never what the file's name says.
CREATE TABLE public_intake_document (
    id            uuid          NOT NULL PRIMARY KEY,
    intake_id     uuid          NOT NULL REFERENCES public_intake (id),
    kind          varchar(30)   NOT NULL,
    file_name     varchar(200)  NOT NULL,
    content_type  varchar(30)   NOT NULL,
    file_size     integer       NOT NULL,
    file_sha256   char(64)      NOT NULL,
    file_content  bytea         NOT NULL,
    uploaded_at   timestamp with time zone NOT NULL,
    CONSTRAINT public_intake_document_kind CHECK (kind IN ('BUSINESS_LICENCE', 'PATENT_CERTIFICATE',
                                                           'FINANCIAL_STATEMENT')),
    CONSTRAINT public_intake_document_type CHECK (content_type IN ('application/pdf', 'image/jpeg', 'image/png'))
);
CREATE INDEX public_intake_document_intake ON public_intake_document (intake_id, uploaded_at);
