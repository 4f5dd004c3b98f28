package com.ipledge.service.subsidy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What a subsidy programme pays, as the bureau set it (one version).
 *
 * @param interestShare          share of the counted interest subsidised, e.g. 0.5
 * @param rateCapMarkup          the rate counted is at most LPR x (1 + markup): 0.4 means LPR + 40 %
 * @param interestCapPerFirmYear most interest subsidy one firm (credit code) receives in a calendar year, yuan
 * @param minIpShare             IP must be the main collateral: IP value / all collateral value at least this
 * @param eligibleIpTypes        the IP types whose value counts towards the subsidised share
 * @param fees                   share and per-firm-year cap of each subsidised fee
 */
public record ProgrammeTerms(String name, LocalDate validFrom, LocalDate validTo, BigDecimal budget,
                             BigDecimal interestShare, BigDecimal rateCapMarkup, BigDecimal interestCapPerFirmYear,
                             BigDecimal minIpShare, List<String> eligibleIpTypes, Map<SubsidyKind, Fee> fees) {

    /** A fee subsidy: {@code share} of the fee paid, at most {@code capPerFirmYear} a firm and year. */
    public record Fee(BigDecimal share, BigDecimal capPerFirmYear) {
    }

    public ProgrammeTerms {
        eligibleIpTypes = List.copyOf(eligibleIpTypes);
        fees = Map.copyOf(fees);
    }

    BigDecimal capFor(SubsidyKind kind) {
        return kind == SubsidyKind.INTEREST ? interestCapPerFirmYear : fees.get(kind).capPerFirmYear();
    }

    BigDecimal shareFor(SubsidyKind kind) {
        return kind == SubsidyKind.INTEREST ? interestShare : fees.get(kind).share();
    }

    boolean covers(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }
}
