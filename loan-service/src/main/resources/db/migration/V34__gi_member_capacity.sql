-- Issue 18: a GI or collective mark is pledged by its registrant (an association) for its member firms' loans, up to
-- a capacity the association sets. One row per asset: the capacity, the day the association set it and its written
-- resolution (the association's consent to its members borrowing against the mark).
CREATE TABLE gi_member_capacity (
    asset_id     uuid          NOT NULL PRIMARY KEY REFERENCES ip_asset (id),
    capacity     numeric(18,2) NOT NULL CHECK (capacity >= 0),
    set_on       date          NOT NULL,
    document     varchar(200),
    recorded_by  varchar(200)  NOT NULL,
    recorded_at  timestamp with time zone NOT NULL
);

-- The member firms the association lets borrow against the mark; no rows: any borrower may (the association
-- vouches for whoever the bank lends to within the capacity).
CREATE TABLE gi_member (
    asset_id     uuid          NOT NULL REFERENCES gi_member_capacity (asset_id),
    credit_code  char(18)      NOT NULL,
    name         varchar(200)  NOT NULL,
    position     integer       NOT NULL,
    PRIMARY KEY (asset_id, credit_code)
);
