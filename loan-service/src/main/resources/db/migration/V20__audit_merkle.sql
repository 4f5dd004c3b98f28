-- Issue 22: the audit log as a verifiable log, not a lock.
--
-- An entry is inserted in the caller's transaction with no chain lock: a BEFORE INSERT trigger gives it the next
-- value of audit_entry_seq (and its time). The sealer (AuditSealer, one instance at a time through JobRunner)
-- then hashes committed entries, in seq order, as the leaves of an RFC 9162 Merkle tree (audit_merkle_node) and
-- signs tree heads (audit_tree_head) with Ed25519. Audit rows are never updated: sealed hashes live in their own
-- table, and triggers refuse UPDATE, DELETE and TRUNCATE on every table of the log.
--
-- The entries written before this migration keep their hash chain columns (prev_hash, hash); new entries leave
-- them NULL. Every entry, old or new, becomes a leaf, so the Merkle tree covers the whole log from seq 1.
--
-- Portable DDL first (jOOQ's DDLDatabase generates classes from it); the PostgreSQL-only part (sequence,
-- functions, triggers) is between the jooq ignore markers, which Flyway runs and jOOQ's parser skips.

ALTER TABLE audit_entry ALTER COLUMN prev_hash DROP NOT NULL;
ALTER TABLE audit_entry ALTER COLUMN hash DROP NOT NULL;
CREATE INDEX audit_entry_entity ON audit_entry (entity_type, entity_id);

-- Perfect subtrees of the Merkle tree: (tree_level, idx) is MTH(D[idx * 2^tree_level : (idx + 1) * 2^tree_level]);
-- level 0 holds the leaf hashes (leaf idx = seq - 1). Every hash the tree needs for any size is a fold of these.
CREATE TABLE audit_merkle_node (
    tree_level  integer     NOT NULL,
    idx         bigint      NOT NULL,
    hash        varchar(64) NOT NULL,
    PRIMARY KEY (tree_level, idx)
);

-- Signed tree heads, one per sealed size and signing key (a new key signs the current size again). issued_at is
-- the exact ISO-8601 instant string that was signed (message: "treeSize\ntimestamp\nrootHash"); public_key
-- (base64 raw Ed25519) names the key that signed it.
CREATE TABLE audit_tree_head (
    tree_size   bigint       NOT NULL,
    root_hash   varchar(64)  NOT NULL,
    issued_at   varchar(40)  NOT NULL,
    signature   varchar(200) NOT NULL,
    public_key  varchar(100) NOT NULL,
    PRIMARY KEY (tree_size, public_key)
);

-- The Ed25519 key generated at first start when IPLEDGE_AUDIT_SIGNING_KEY is unset (base64 PKCS#8), shared by
-- every instance and restart. One row.
CREATE TABLE audit_signing_key (
    id           integer      NOT NULL PRIMARY KEY,
    private_key  varchar(200) NOT NULL,
    public_key   varchar(100) NOT NULL,
    created_at   timestamp with time zone NOT NULL,
    CONSTRAINT audit_signing_key_one CHECK (id = 1)
);

-- [jooq ignore start]
CREATE SEQUENCE audit_entry_seq AS bigint MINVALUE 1 START WITH 1 CACHE 1;
SELECT setval('audit_entry_seq', (SELECT coalesce(max(seq), 0) + 1 FROM audit_entry), false);

-- Stamps a new entry. Order matters for the sealer's soundness argument (see AuditSealer):
--   1. pg_current_xact_id() gives the inserting transaction its id BEFORE the sequence value is drawn, so a
--      sealer that read the sequence's last_value and then took a snapshot knows the drawer's id is below that
--      snapshot's xmax;
--   2. seq and occurred_at are taken together inside a short critical section (a session-level advisory lock
--      released before the statement even writes its row, never held until commit) so that time never runs
--      backwards along seq. Business transactions never wait for one another's commit here.
-- The only explicit seq accepted is the sealer's 'audit.gap' filler for a value it proved was abandoned.
CREATE FUNCTION audit_entry_stamp() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF NEW.action = 'audit.gap' AND NEW.actor = 'SYSTEM:audit-sealer' AND NEW.seq IS NOT NULL THEN
        IF NEW.seq > (SELECT last_value FROM audit_entry_seq) THEN
            RAISE EXCEPTION 'audit gap filler for seq % that was never drawn', NEW.seq;
        END IF;
        RETURN NEW;
    END IF;
    PERFORM pg_current_xact_id();
    BEGIN
        PERFORM pg_advisory_lock(7201101);
        NEW.seq := nextval('audit_entry_seq');
        NEW.occurred_at := clock_timestamp();
        PERFORM pg_advisory_unlock(7201101);
    EXCEPTION WHEN OTHERS OR query_canceled THEN
        PERFORM pg_advisory_unlock(7201101);
        RAISE;
    END;
    RETURN NEW;
END
$$;

CREATE TRIGGER audit_entry_stamp BEFORE INSERT ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_stamp();

CREATE FUNCTION audit_refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'the audit log is append-only: % on % refused', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'insufficient_privilege';
END
$$;

CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_merkle_node_append_only BEFORE UPDATE OR DELETE ON audit_merkle_node
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_merkle_node_no_truncate BEFORE TRUNCATE ON audit_merkle_node
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_tree_head_append_only BEFORE UPDATE OR DELETE ON audit_tree_head
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_tree_head_no_truncate BEFORE TRUNCATE ON audit_tree_head
    FOR EACH STATEMENT EXECUTE FUNCTION audit_refuse_change();
CREATE TRIGGER audit_signing_key_append_only BEFORE UPDATE OR DELETE ON audit_signing_key
    FOR EACH ROW EXECUTE FUNCTION audit_refuse_change();
-- [jooq ignore stop]
