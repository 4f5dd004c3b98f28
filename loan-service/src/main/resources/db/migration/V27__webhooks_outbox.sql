-- Issue 21: events pushed to banks (webhooks) from a transactional outbox.
--
-- A bank registers endpoints (webhook_endpoint). A feature publishes a domain event inside its own transaction:
-- the event (its JSON body exactly as it will be sent and signed) and one delivery per subscribed endpoint are
-- written in that transaction, so an event exists if and only if its change committed. Any instance's dispatcher
-- claims due deliveries with SKIP LOCKED and a lease (next_attempt_at moved past the HTTP timeout), calls the
-- endpoint with no transaction open, and records the attempt. A delivery is only claimable when no earlier event
-- (seq) with the same order_key (the loan, or the application before a loan exists) is still pending for that
-- endpoint: events of one loan arrive in order.
--
-- The secret signs every request (HMAC-SHA256), so it must be readable: it is kept as issued, like a password
-- the service must present. Guard the database accordingly. Portable DDL first (see V1).

CREATE TABLE webhook_endpoint (
    id                    uuid          NOT NULL PRIMARY KEY,
    bank_id               uuid          NOT NULL REFERENCES bank (id),
    url                   varchar(2000) NOT NULL,
    events                varchar(1000) NOT NULL,
    secret                varchar(100)  NOT NULL,
    status                varchar(10)   NOT NULL,
    paused_reason         varchar(2000),
    paused_at             timestamp with time zone,
    created_by            uuid          NOT NULL,
    created_at            timestamp with time zone NOT NULL,
    disabled_at           timestamp with time zone,
    CONSTRAINT webhook_endpoint_status CHECK (status IN ('ACTIVE', 'PAUSED', 'DISABLED'))
);
CREATE INDEX webhook_endpoint_bank ON webhook_endpoint (bank_id, status);

CREATE TABLE webhook_event (
    id           uuid          NOT NULL PRIMARY KEY,
    seq          bigint        NOT NULL,
    bank_id      uuid          NOT NULL REFERENCES bank (id),
    type         varchar(60)   NOT NULL,
    order_key    uuid,
    occurred_at  timestamp with time zone NOT NULL,
    body         text          NOT NULL
);

CREATE TABLE webhook_delivery (
    id               uuid          NOT NULL PRIMARY KEY,
    endpoint_id      uuid          NOT NULL REFERENCES webhook_endpoint (id),
    event_id         uuid          NOT NULL REFERENCES webhook_event (id),
    event_seq        bigint        NOT NULL,
    order_key        uuid,
    status           varchar(10)   NOT NULL,
    attempts         integer       NOT NULL,
    failures         integer       NOT NULL,
    next_attempt_at  timestamp with time zone NOT NULL,
    claim_token      uuid,
    last_attempt_at  timestamp with time zone,
    delivered_at     timestamp with time zone,
    created_at       timestamp with time zone NOT NULL,
    CONSTRAINT webhook_delivery_status CHECK (status IN ('PENDING', 'DELIVERED')),
    CONSTRAINT webhook_delivery_once UNIQUE (endpoint_id, event_id)
);
CREATE INDEX webhook_delivery_due ON webhook_delivery (status, next_attempt_at);
CREATE INDEX webhook_delivery_order ON webhook_delivery (endpoint_id, order_key, event_seq);
CREATE INDEX webhook_delivery_endpoint_created ON webhook_delivery (endpoint_id, created_at);

-- Every request made, with its answer (status and the first characters of the body) or the error.
CREATE TABLE webhook_attempt (
    id            uuid          NOT NULL PRIMARY KEY,
    delivery_id   uuid          NOT NULL REFERENCES webhook_delivery (id),
    attempted_at  timestamp with time zone NOT NULL,
    http_status   integer,
    answer        varchar(1000),
    error         varchar(1000),
    duration_ms   bigint        NOT NULL
);
CREATE INDEX webhook_attempt_delivery ON webhook_attempt (delivery_id, attempted_at);

-- [jooq ignore start]
CREATE SEQUENCE webhook_event_seq AS bigint MINVALUE 1 START WITH 1;
ALTER TABLE webhook_event ALTER COLUMN seq SET DEFAULT nextval('webhook_event_seq');
-- [jooq ignore stop]
