package com.ipledge.service.losssharing;

import com.ipledge.service.ipasset.IpType;
import com.ipledge.service.ipasset.LegalTerm;
import com.ipledge.service.valuation.ComparableSale;
import com.ipledge.service.valuation.ComparableSales;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Realised disposal prices as market comparables for the desk valuation: the bank's recoveries (auction, transfer,
 * licence) on defaulted loans secured by a single asset, summed per loan and method (the reference is the loan),
 * with the sold right's legal life left at the last of them.
 */
@Singleton
class RecoveredDisposals implements ComparableSales {
    /** More than the desk lists: it keeps the newest ten of all sources together. */
    private static final int LIMIT = 20;

    private final LossSharingRepository repo;

    RecoveredDisposals(LossSharingRepository repo) {
        this.repo = repo;
    }

    @Override
    public List<ComparableSale> find(UUID bankId, UUID subjectAssetId, IpType type, String industryPrefix,
                                     LocalDate asOf) {
        // a realised sale of the very right valued is kept: it is the best evidence of what it fetches
        return repo.disposals(bankId, type.name(), industryPrefix, asOf, LIMIT).stream()
                .map(d -> new ComparableSale("RECOVERY", d.loanId(), d.method(), d.amount(), d.recoveredOn(),
                        d.industryCode(), type.isPatent()
                                ? LegalTerm.remainingYears(d.assetExpiresOn(), d.recoveredOn()) : null))
                .toList();
    }
}
