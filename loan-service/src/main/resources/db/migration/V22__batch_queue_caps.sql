-- Issue 17: queued batch work is capped per bank (rows, and Monte Carlo paths of valuation rows). A job keeps the
-- paths its rows asked for, so the work still waiting can be summed without re-reading every row. Portable DDL.
ALTER TABLE batch_job ADD COLUMN mc_paths bigint DEFAULT 0 NOT NULL;
