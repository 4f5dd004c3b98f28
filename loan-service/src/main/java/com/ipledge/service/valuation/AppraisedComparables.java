package com.ipledge.service.valuation;

import com.ipledge.service.ipasset.IpType;
import com.ipledge.service.ipasset.LegalTerm;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Accepted appraisal reports of the bank's other assets as market comparables for the desk valuation (kind
 * {@code APPRAISAL}): an appraiser's conclusion on a like right, with that right's legal life left at the report's
 * date. Only reports still valid on the day valued, as a decision would lend against them; never the subject's own
 * (that is a valuation of it, not a comparable).
 */
@Singleton
class AppraisedComparables implements ComparableSales {
    /** More than the desk lists: it keeps the newest ten of all sources together. */
    private static final int LIMIT = 20;

    private final AppraisalReportRepository reports;

    AppraisedComparables(AppraisalReportRepository reports) {
        this.reports = reports;
    }

    @Override
    public List<ComparableSale> find(UUID bankId, UUID subjectAssetId, IpType type, String industryPrefix,
                                     LocalDate asOf) {
        return reports.comparables(bankId, subjectAssetId, type.name(), industryPrefix, asOf, LIMIT).stream()
                .map(c -> new ComparableSale("APPRAISAL", c.id(), c.method(), c.value(), c.reportDate(),
                        c.industryCode(), type.isPatent() && c.assetExpiresOn() != null
                                ? LegalTerm.remainingYears(c.assetExpiresOn(), c.reportDate()) : null))
                .toList();
    }
}
