-- Issue 15: a decision's figures as typed columns and tables, mapped in one place (evaluation.DecisionRepository);
-- the JSON body stays only as the replay copy of the answer. Decisions stored before are filled from their body
-- below. Portable DDL first (see V1).
ALTER TABLE decision ADD COLUMN limit_binding varchar(40);
ALTER TABLE decision ADD COLUMN total_collateral_value numeric(18,2);
-- null: the decision names no risk share (declined); otherwise its scheme (NONE: the bank bears it all)
ALTER TABLE decision ADD COLUMN risk_share_scheme varchar(120);
ALTER TABLE decision ADD COLUMN risk_share_coverage varchar(40);

-- The valuation each pledged asset was decided on, in the order the application pledged them.
CREATE TABLE decision_collateral (
    decision_id       uuid          NOT NULL REFERENCES decision (id),
    position          integer       NOT NULL,
    asset_id          uuid          NOT NULL,
    valuation_id      uuid,
    collateral_value  numeric(18,2),
    reconciled_value  numeric(18,2),
    value_score       numeric(6,2),
    valuation_source  varchar(10),
    PRIMARY KEY (decision_id, position)
);

-- Who bears which share of a loss, by party; the shares add up to 1 (scale 6, as the covers frozen from them).
CREATE TABLE decision_risk_share (
    decision_id  uuid         NOT NULL REFERENCES decision (id),
    party        varchar(60)  NOT NULL,
    share        numeric(9,6) NOT NULL CHECK (share >= 0 AND share <= 1),
    PRIMARY KEY (decision_id, party)
);

-- [jooq ignore start]
UPDATE decision SET limit_binding = body::jsonb ->> 'limitBinding',
                    total_collateral_value = (body::jsonb ->> 'totalCollateralValue')::numeric,
                    risk_share_scheme = CASE WHEN jsonb_typeof(body::jsonb -> 'riskShare') = 'object'
                                             THEN coalesce(body::jsonb -> 'riskShare' ->> 'scheme', 'NONE') END,
                    risk_share_coverage = CASE WHEN jsonb_typeof(body::jsonb -> 'riskShare') = 'object'
                                               THEN coalesce(body::jsonb -> 'riskShare' ->> 'coverage', 'NONE') END;

INSERT INTO decision_collateral (decision_id, position, asset_id, valuation_id, collateral_value, reconciled_value,
                                 value_score, valuation_source)
SELECT d.id, c.ordinality - 1, (c.line ->> 'assetId')::uuid, (c.line ->> 'valuationId')::uuid,
       (c.line ->> 'collateralValue')::numeric, (c.line ->> 'reconciledValue')::numeric,
       (c.line ->> 'valueScore')::numeric, c.line ->> 'valuationSource'
  FROM decision d
 CROSS JOIN LATERAL jsonb_array_elements(
           CASE WHEN jsonb_typeof(d.body::jsonb -> 'collateral') = 'array' THEN d.body::jsonb -> 'collateral'
                ELSE '[]'::jsonb END) WITH ORDINALITY AS c (line, ordinality);

INSERT INTO decision_risk_share (decision_id, party, share)
SELECT d.id, s.key, (s.value #>> '{}')::numeric
  FROM decision d
 CROSS JOIN LATERAL jsonb_each(
           CASE WHEN jsonb_typeof(d.body::jsonb -> 'riskShare' -> 'shares') = 'object'
                THEN d.body::jsonb -> 'riskShare' -> 'shares' ELSE '{}'::jsonb END) AS s (key, value);
-- [jooq ignore stop]
