-- Issue 21: records findable and changes syncable.
--
-- Every listed record carries updated_at, so that a bank's core system can read what changed since an instant in a
-- stable order (updated_at, id). loan_application and loan have it already (the service sets it from its clock on
-- each change); borrower and ip_asset gain it here. A trigger keeps it current on every UPDATE that does not set it
-- itself (legal-status and expiry changes from monitoring, any later writer), so no change escapes a sync.
--
-- A borrower's changing facts (annual financials, employees, contact) are versioned: borrower holds the current
-- version, borrower_version every version with the date it is true as of, what changed, who and when.
--
-- Portable DDL first (jOOQ's DDLDatabase generates classes from it); the PostgreSQL-only part between the markers.

-- The defaults only let the columns be added NOT NULL to existing rows: the backfill below (PostgreSQL part)
-- replaces their values and drops the defaults.
ALTER TABLE borrower ADD COLUMN updated_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL;
ALTER TABLE borrower ADD COLUMN version integer DEFAULT 1 NOT NULL;
ALTER TABLE borrower ADD COLUMN facts_as_of date DEFAULT CURRENT_DATE NOT NULL;
ALTER TABLE borrower ADD COLUMN contact_name varchar(100);
ALTER TABLE borrower ADD COLUMN contact_phone varchar(30);
ALTER TABLE borrower ADD COLUMN contact_email varchar(254);
CREATE INDEX borrower_sync ON borrower (bank_id, updated_at, id);

ALTER TABLE ip_asset ADD COLUMN updated_at timestamp with time zone DEFAULT CURRENT_TIMESTAMP NOT NULL;
CREATE INDEX ip_asset_sync ON ip_asset (bank_id, updated_at, id);

CREATE INDEX loan_application_sync ON loan_application (bank_id, updated_at, id);
CREATE INDEX loan_sync ON loan (bank_id, updated_at, id);

-- The decision an application was last evaluated to (the answer of GET /applications/{id}/evaluation).
ALTER TABLE loan_application ADD COLUMN decision_id uuid;

-- One row per version of a borrower's facts; version 1 is the registration. changed_fields names the fields a
-- version changed (comma separated, in the API's spelling); changed_by is the API key or user, NULL for seeded data.
CREATE TABLE borrower_version (
    borrower_id        uuid          NOT NULL REFERENCES borrower (id),
    version            integer       NOT NULL,
    as_of              date          NOT NULL,
    employees          integer       NOT NULL,
    operating_revenue  numeric(18,2) NOT NULL,
    total_assets       numeric(18,2) NOT NULL,
    size_class         varchar(10)   NOT NULL,
    contact_name       varchar(100),
    contact_phone      varchar(30),
    contact_email      varchar(254),
    changed_fields     varchar(500)  NOT NULL,
    changed_by         uuid,
    changed_at         timestamp with time zone NOT NULL,
    PRIMARY KEY (borrower_id, version)
);

-- [jooq ignore start]
UPDATE borrower SET updated_at = created_at, version = 1,
    facts_as_of = CAST(created_at AT TIME ZONE 'Asia/Shanghai' AS date);
ALTER TABLE borrower ALTER COLUMN updated_at DROP DEFAULT;
ALTER TABLE borrower ALTER COLUMN version DROP DEFAULT;
ALTER TABLE borrower ALTER COLUMN facts_as_of DROP DEFAULT;
UPDATE ip_asset SET updated_at = created_at;
ALTER TABLE ip_asset ALTER COLUMN updated_at DROP DEFAULT;

INSERT INTO borrower_version (borrower_id, version, as_of, employees, operating_revenue, total_assets, size_class,
                              changed_fields, changed_at)
SELECT id, 1, facts_as_of, employees, operating_revenue, total_assets, size_class,
       'employees,operatingRevenue,totalAssets', created_at
FROM borrower;

-- An INSERT without updated_at takes created_at; an UPDATE that leaves updated_at as it was gets the database's
-- time (writers that set it from the service's clock keep theirs).
CREATE FUNCTION touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'INSERT' THEN
        IF NEW.updated_at IS NULL THEN
            NEW.updated_at := NEW.created_at;
        END IF;
    ELSIF NEW.updated_at IS NOT DISTINCT FROM OLD.updated_at THEN
        NEW.updated_at := clock_timestamp();
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER borrower_touch BEFORE INSERT OR UPDATE ON borrower
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER ip_asset_touch BEFORE INSERT OR UPDATE ON ip_asset
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER loan_application_touch BEFORE INSERT OR UPDATE ON loan_application
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
CREATE TRIGGER loan_touch BEFORE INSERT OR UPDATE ON loan
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();
-- [jooq ignore end]
