-- issue 19: a pool backs loans up to leverage_multiple x balance while they are outstanding; when an enrolled loan
-- is repaid in full its principal leaves the pools' commitment, once (released_at set by one conditional UPDATE)
ALTER TABLE loan_risk_layers ADD COLUMN released_at timestamp with time zone;
