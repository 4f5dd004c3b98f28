package com.ipledge.service.valuation;

import com.ipledge.service.ipasset.IpType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A port for the market approach of a desk valuation: prices ipledge itself holds for assets like the one valued.
 * Every bean implementing it is asked: the loss-sharing feature's realised disposals (recoveries, kind
 * {@code RECOVERY}) and the bank's accepted appraisal reports of its other assets (kind {@code APPRAISAL}).
 */
public interface ComparableSales {
    /**
     * Sales of one bank's assets of {@code type} whose borrower's GB/T 4754 code starts with
     * {@code industryPrefix} (a division such as {@code C27}, or a section letter), on or before {@code asOf}, newest
     * first. Never another bank's: a bank's desk valuation must not reveal what another bank realised. A source may
     * leave out {@code subjectAssetId}, the asset being valued, where its price would not be a comparable.
     */
    List<ComparableSale> find(UUID bankId, UUID subjectAssetId, IpType type, String industryPrefix, LocalDate asOf);
}
