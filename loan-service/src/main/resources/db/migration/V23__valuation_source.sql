-- Issue 16: every stored valuation says where it came from. A bank's decision uses only DESK and BANK valuations;
-- a BUREAU valuation is the bureau's own view. Valuations stored before this migration were either desk valuations
-- (their stored answer says "desk":true) or posted through the API; those posted with a bureau key are found by
-- their audit entry's actor ("BUREAU:<key id>"). Portable DDL first (see V1).
ALTER TABLE valuation ADD COLUMN source varchar(10) DEFAULT 'BANK' NOT NULL;
ALTER TABLE valuation ADD CONSTRAINT valuation_source CHECK (source IN ('DESK', 'BANK', 'BUREAU'));
CREATE INDEX valuation_asset_source_date ON valuation (asset_id, source, valuation_date);

-- [jooq ignore start]
UPDATE valuation SET source = 'DESK' WHERE result LIKE '%"desk":true%';
UPDATE valuation v SET source = 'BUREAU'
  FROM audit_entry a
 WHERE a.action = 'valuation.created' AND a.entity_type = 'valuation' AND a.entity_id = v.id::text
   AND a.actor LIKE 'BUREAU:%' AND v.source = 'BANK';
-- [jooq ignore stop]
