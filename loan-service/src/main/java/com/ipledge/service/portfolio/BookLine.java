package com.ipledge.service.portfolio;

import com.ipledge.service.loan.Classification;
import com.ipledge.service.loan.LoanStatus;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One loan of a filtered book ({@link PortfolioSelection#lines}), with every key the dashboard groups by, so that a
 * figure and the list of loans behind it are sums over the same lines.
 *
 * <ul>
 *   <li>{@code outstanding}: the loan's outstanding principal; {@code amount}: what the figures count of it (the
 *       outstanding, or under an IP-type filter the part attributed to that type).</li>
 *   <li>{@code expectedLoss}: PD x LGD x amount, exact (unrounded), zero for a defaulted loan (its loss is no longer
 *       expected) or one whose decision lacks PD or LGD.</li>
 *   <li>{@code section}: GB/T 4754 section letter; {@code regionKey}: see {@link BookFilter#regionKey};
 *       {@code ipParts}: the amount split by IP type (adds up to {@code amount}).</li>
 *   <li>{@code openAlerts}: unresolved alerts by severity.</li>
 * </ul>
 */
public record BookLine(UUID loanId, UUID bankId, String bankCode, String bankName, String borrowerName,
                       LoanStatus status, Classification classification, LocalDate disbursedOn, BigDecimal principal,
                       BigDecimal outstanding, BigDecimal amount, BigDecimal expectedLoss, String section,
                       String ecoIndustry, String regionCode, String regionKey, List<Part> ipParts,
                       Map<String, Long> openAlerts) {

    /** A part of the amount attributed to one IP type. */
    public record Part(String ipType, BigDecimal amount) {
    }

    public boolean nonPerforming() {
        return classification.isNonPerforming();
    }

    public long openAlertCount() {
        return openAlerts.values().stream().mapToLong(Long::longValue).sum();
    }
}
