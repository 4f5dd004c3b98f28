-- People who sign in to the pages (issue 8, bureau dashboard): bureau analysts and bank staff. Portable DDL (jOOQ's
-- DDLDatabase reads it). Passwords are stored as PBKDF2WithHmacSHA256 strings "pbkdf2$iterations$salt$hash"; a
-- session id is stored only as its SHA-256, so a copy of this table opens no session.
CREATE TABLE app_user (
    id             uuid         NOT NULL PRIMARY KEY,
    username       varchar(64)  NOT NULL UNIQUE,
    password_hash  varchar(200) NOT NULL,
    role           varchar(20)  NOT NULL,
    bank_id        uuid         REFERENCES bank (id),
    created_at     timestamp with time zone NOT NULL,
    disabled_at    timestamp with time zone,
    CONSTRAINT app_user_role CHECK (role IN ('BUREAU', 'BANK_OFFICER', 'BANK_APPROVER')),
    CONSTRAINT app_user_bank_roles CHECK ((role IN ('BANK_OFFICER', 'BANK_APPROVER')) = (bank_id IS NOT NULL))
);

-- One signed-in browser. Shared by every instance; expiry slides forward with use; logout deletes the row.
CREATE TABLE web_session (
    id_hash       varchar(64) NOT NULL PRIMARY KEY,
    user_id       uuid        NOT NULL REFERENCES app_user (id),
    created_at    timestamp with time zone NOT NULL,
    last_seen_at  timestamp with time zone NOT NULL,
    expires_at    timestamp with time zone NOT NULL
);

CREATE INDEX web_session_user ON web_session (user_id);
CREATE INDEX web_session_expires ON web_session (expires_at);
