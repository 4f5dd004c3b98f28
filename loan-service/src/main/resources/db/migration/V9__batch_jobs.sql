-- Batch work from CSV uploads (revalue a collateral book, file many applications). A job and its rows are rows:
-- any instance's worker claims PENDING rows (SELECT ... FOR UPDATE SKIP LOCKED) and processes each in its own
-- transaction together with its status update, so a restart simply resumes. Portable DDL (see V1).

CREATE TABLE batch_job (
    id               uuid          NOT NULL PRIMARY KEY,
    bank_id          uuid          REFERENCES bank (id),
    kind             varchar(20)   NOT NULL,
    status           varchar(10)   NOT NULL,
    header_columns   varchar(2000) NOT NULL,
    total            integer       NOT NULL,
    done             integer       NOT NULL,
    failed           integer       NOT NULL,
    created_by       uuid          NOT NULL,
    created_by_role  varchar(20)   NOT NULL,
    request_id       varchar(64),
    created_at       timestamp with time zone NOT NULL,
    started_at       timestamp with time zone,
    finished_at      timestamp with time zone,
    CONSTRAINT batch_job_kind CHECK (kind IN ('VALUATION', 'APPLICATION')),
    CONSTRAINT batch_job_status CHECK (status IN ('QUEUED', 'RUNNING', 'DONE')),
    CONSTRAINT batch_job_counts CHECK (total > 0 AND done >= 0 AND failed >= 0 AND failed <= done
        AND done <= total)
);
CREATE INDEX batch_job_bank_created ON batch_job (bank_id, created_at);
CREATE INDEX batch_job_status_created ON batch_job (status, created_at);

CREATE TABLE batch_job_row (
    job_id            uuid          NOT NULL REFERENCES batch_job (id),
    line_number       integer       NOT NULL,
    raw               varchar(10000) NOT NULL,
    input_key         varchar(100),
    status            varchar(10)   NOT NULL,
    attempts          integer       NOT NULL,
    entity_id         uuid,
    entity_status     varchar(30),
    reconciled_value  numeric(18,2),
    collateral_value  numeric(18,2),
    errors            varchar(20000),
    processed_at      timestamp with time zone,
    PRIMARY KEY (job_id, line_number),
    CONSTRAINT batch_job_row_status CHECK (status IN ('PENDING', 'OK', 'ERROR'))
);
CREATE INDEX batch_job_row_job_status ON batch_job_row (job_id, status, line_number);
