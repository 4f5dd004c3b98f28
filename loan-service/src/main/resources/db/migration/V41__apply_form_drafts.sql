-- Issue 20 (the SME form): "添加一项" without script posts the form; the server keeps what was typed here and
-- answers with a redirect to /apply?draft=<id> (Post/Redirect/Get), so Back and reload never resubmit a POST.
-- A draft opens only for the browser that posted it (owner_hash: SHA-256 of a key derived from its CSRF cookie)
-- and is deleted two hours after it was kept (a job), or when that browser files its application. Portable DDL
-- (see V1).
CREATE TABLE apply_form_draft (
    id          uuid          NOT NULL PRIMARY KEY,
    owner_hash  char(64)      NOT NULL,
    fields      text          NOT NULL,
    asset_rows  integer       NOT NULL,
    created_at  timestamp with time zone NOT NULL,
    CONSTRAINT apply_form_draft_rows CHECK (asset_rows BETWEEN 1 AND 5)
);
CREATE INDEX apply_form_draft_created ON apply_form_draft (created_at);
CREATE INDEX apply_form_draft_owner ON apply_form_draft (owner_hash);
