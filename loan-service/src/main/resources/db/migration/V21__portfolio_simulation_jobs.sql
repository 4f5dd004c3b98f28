-- Issue 22: portfolio simulations larger than the synchronous cap run as jobs. The request is kept as sent (its
-- JSON), the answer as it will be served; any instance's driver claims a QUEUED job (or a RUNNING one whose
-- heartbeat stopped: its instance died) with SKIP LOCKED and runs it. The simulation is seeded, so a job run twice
-- gives the same answer. Portable DDL (see V1).

CREATE TABLE portfolio_simulation_job (
    id               uuid          NOT NULL PRIMARY KEY,
    bank_id          uuid          REFERENCES bank (id),
    status           varchar(10)   NOT NULL,
    request          text          NOT NULL,
    exposures        integer       NOT NULL,
    scenarios        integer       NOT NULL,
    scenarios_done   bigint        NOT NULL,
    attempts         integer       NOT NULL,
    result           text,
    error            varchar(2000),
    job_millis       bigint,
    created_by       uuid          NOT NULL,
    created_by_role  varchar(20)   NOT NULL,
    created_at       timestamp with time zone NOT NULL,
    started_at       timestamp with time zone,
    heartbeat_at     timestamp with time zone,
    finished_at      timestamp with time zone,
    CONSTRAINT portfolio_simulation_job_status CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED'))
);
CREATE INDEX portfolio_simulation_job_status_created ON portfolio_simulation_job (status, created_at);
CREATE INDEX portfolio_simulation_job_bank_created ON portfolio_simulation_job (bank_id, created_at);
