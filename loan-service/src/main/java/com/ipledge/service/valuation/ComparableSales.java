package com.ipledge.service.valuation;

import com.ipledge.service.ipasset.IpType;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A port for the market approach of a desk valuation: prices ipledge itself holds for assets like the one valued.
 * Every bean implementing it is asked; today the loss-sharing feature's realised disposals (recoveries) answer. An
 * accepted appraisal report is the next source to plug in here (kind {@code APPRAISAL}): implement this interface
 * in the feature that keeps the reports, and the desk valuation lists and uses them with no change here.
 */
public interface ComparableSales {
    /**
     * Sales of one bank's assets of {@code type} whose borrower's GB/T 4754 code starts with
     * {@code industryPrefix} (a division such as {@code C27}, or a section letter), on or before {@code asOf}, newest
     * first. Never another bank's: a bank's desk valuation must not reveal what another bank realised.
     */
    List<ComparableSale> find(UUID bankId, IpType type, String industryPrefix, LocalDate asOf);
}
