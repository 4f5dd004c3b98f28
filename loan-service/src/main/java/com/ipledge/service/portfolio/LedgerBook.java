package com.ipledge.service.portfolio;

import com.ipledge.service.TimeFactory;
import com.ipledge.service.evaluation.EvaluationService;
import com.ipledge.service.evaluation.StoredDecision;
import com.ipledge.service.loan.Classification;
import com.ipledge.service.portfolio.LedgerRepository.LedgerLoan;
import com.ipledge.service.portfolio.PortfolioBook.IpPart;
import com.ipledge.service.portfolio.PortfolioRepository.PledgedAsset;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Every loan disbursed by the end of a business day with its state on that day, rebuilt from the ledger
 * ({@link LedgerRepository}): outstanding = principal - principal repaid by then; defaulted when a default was
 * declared by then; the classification its last move by then set (a defaulted loan is at least substandard, as
 * the loan itself keeps it). The one NPL definition is {@link Classification#isNonPerforming()}.
 */
@Singleton
class LedgerBook {
    /** A loan on the day. {@code assets} and {@code collateralValues} are empty unless asked for. */
    record LoanOnDay(LedgerLoan loan, BigDecimal outstanding, boolean defaulted, Classification classification,
                     List<PledgedAsset> assets, Map<UUID, BigDecimal> collateralValues) {
        /** In the book (the balance every view counts): live with principal outstanding, or defaulted. */
        boolean inBook() {
            return defaulted || outstanding.signum() > 0;
        }

        boolean nonPerforming() {
            return inBook() && classification.isNonPerforming();
        }

        /** {@code amount} split across the loan's IP types as the portfolio summary splits exposure. */
        List<IpPart> ipParts(BigDecimal amount) {
            return PortfolioBook.ipSplit(amount, assets, collateralValues);
        }
    }

    /** The book at the end of {@code day}. */
    record Day(LocalDate day, List<LoanOnDay> loans) {
    }

    private final LedgerRepository ledger;
    private final PortfolioRepository portfolio;
    private final EvaluationService decisions;

    LedgerBook(LedgerRepository ledger, PortfolioRepository portfolio, EvaluationService decisions) {
        this.ledger = ledger;
        this.portfolio = portfolio;
        this.decisions = decisions;
    }

    /** The first instant after {@code day} in the business time zone: what was recorded before it was known then. */
    static OffsetDateTime endOf(LocalDate day) {
        return day.plusDays(1).atStartOfDay(TimeFactory.BUSINESS_ZONE).toOffsetDateTime();
    }

    Day at(LocalDate day, Optional<UUID> bankScope, boolean withAssets) {
        OffsetDateTime end = endOf(day);
        List<LedgerLoan> loans = ledger.disbursed(day, end, bankScope);
        Map<UUID, BigDecimal> repaid = ledger.principalRepaid(day, end, bankScope);
        Set<UUID> defaulted = ledger.defaulted(day, end, bankScope);
        Map<UUID, String> classified = ledger.classifications(day, end, bankScope);
        Map<UUID, List<PledgedAsset>> pledged = withAssets
                ? portfolio.pledgedAssets(loans.stream().map(LedgerLoan::applicationId).toList()) : Map.of();
        Map<UUID, StoredDecision> decided = withAssets
                ? decisions.findAll(loans.stream().map(LedgerLoan::decisionId).toList()) : Map.of();
        List<LoanOnDay> out = new ArrayList<>(loans.size());
        for (LedgerLoan l : loans) {
            boolean isDefaulted = defaulted.contains(l.loanId());
            Classification c = Classification.valueOf(classified.getOrDefault(l.loanId(),
                    Classification.NORMAL.name()));
            if (isDefaulted) {
                c = Classification.worse(c, Classification.SUBSTANDARD);
            }
            out.add(new LoanOnDay(l, l.principal().subtract(repaid.getOrDefault(l.loanId(), BigDecimal.ZERO)),
                    isDefaulted, c, pledged.getOrDefault(l.applicationId(), List.of()),
                    PortfolioBook.collateralValues(Optional.ofNullable(decided.get(l.decisionId())))));
        }
        return new Day(day, out);
    }
}
