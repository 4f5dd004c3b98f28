package com.ipledge.service.valuation;

import java.util.List;

/**
 * Where a stored valuation came from (issue 16): {@code DESK}, made by the service with its documented default
 * assumptions; {@code BANK}, posted by the bank's own officer or approver; {@code APPRAISER}, an external appraisal
 * report the bank posted ({@link AppraisalReportService}); {@code BUREAU}, a view the bureau made for itself. A bank's
 * decision lends only against its own, its accepted and valid appraisal reports, or the desk's, never the bureau's.
 */
public enum ValuationSource {
    DESK, BANK, BUREAU, APPRAISER;

    /** The sources a bank's decision may lend against within the freshness window (appraisals: their validity). */
    static final List<ValuationSource> LENDABLE = List.of(DESK, BANK);
}
