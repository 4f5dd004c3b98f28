/**
 * Valuations of IP collateral with the {@code valuation} engine.
 * <ul>
 *   <li>{@code POST /api/v1/valuations} ({@link com.ipledge.service.valuation.ValuationController}): {@code assetId}
 *       values a stored asset of the caller's bank and keeps it (201, with {@code id}); {@code asset} values facts
 *       given inline and keeps nothing (200). Bad input is a 400 naming every field; a lost right (LAPSED,
 *       INVALIDATED, EXPIRED) on file is a 422.</li>
 *   <li>{@code GET /api/v1/valuations/{id}}: a kept valuation exactly as answered, bank-scoped.</li>
 *   <li>{@code /api/v1/ip-assets/{assetId}/appraisal-reports} and {@code /api/v1/appraisal-reports/{id}}
 *       ({@link com.ipledge.service.valuation.AppraisalReportController}): external appraisal reports with their PDF,
 *       each also a kept valuation with source APPRAISER.</li>
 *   <li>{@link com.ipledge.service.valuation.CollateralValuations#currentOrDesk}: for the evaluation, the asset's
 *       newest kept DESK or BANK valuation within the policy's freshness (180 days by default) or APPRAISER
 *       valuation whose report is accepted and valid, or a kept desk valuation
 *       ({@link com.ipledge.service.valuation.DeskAssumptions}); with what it assumed and the desk's value, for the
 *       plausibility rules.</li>
 * </ul>
 * A kept valuation's {@code request} column is an inline request (asset facts, paths and seed written out): posting it
 * again recomputes its {@code result} exactly (same engine version).
 */
package com.ipledge.service.valuation;
