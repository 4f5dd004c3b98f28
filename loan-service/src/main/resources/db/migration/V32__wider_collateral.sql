-- Issue 18: copyrights, software copyrights and data-IP certificates as collateral. Their numbers are longer than
-- patent numbers (国作登字-2020-F-00012345; a data-IP certificate number as the platform issues it), they have no
-- filing date from which a term runs, and their term hangs on facts patents do not have.
ALTER TABLE ip_asset ALTER COLUMN number TYPE varchar(60);
ALTER TABLE ip_asset ALTER COLUMN filing_date DROP NOT NULL;
ALTER TABLE ip_asset ADD COLUMN author_kind varchar(20);
ALTER TABLE ip_asset ADD COLUMN created_on date;
ALTER TABLE ip_asset ADD COLUMN first_published_on date;
ALTER TABLE ip_asset ADD COLUMN author_death_year integer;
ALTER TABLE ip_asset ADD COLUMN certificate_number varchar(40);
ALTER TABLE ip_asset ADD COLUMN software_version varchar(40);
ALTER TABLE ip_asset ADD COLUMN issuing_platform char(6);
ALTER TABLE ip_asset ADD COLUMN valid_until date;
ALTER TABLE ip_asset ADD CONSTRAINT ip_asset_author_kind CHECK (author_kind IN ('NATURAL_PERSON', 'ORGANISATION'));
ALTER TABLE monitoring_event ALTER COLUMN asset_number TYPE varchar(60);
