package com.ipledge.valuation;

/**
 * Where the fact behind a value-score indicator came from: {@code ASSET}, the asset's record (register facts: status,
 * dates, claims, citations, family, Nice classes); {@code OFFICER}, an officer's input (revenue attribution,
 * licences, litigation, the revenue of the valuation's assumptions); {@code DEFAULT}, the fact was not given and the
 * indicator scores with the engine's documented default (a missing count is 0, missing litigation is none).
 */
public enum FactSource {
    ASSET, OFFICER, DEFAULT
}
