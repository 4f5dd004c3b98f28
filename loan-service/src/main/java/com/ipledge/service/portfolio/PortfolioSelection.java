package com.ipledge.service.portfolio;

import static com.ipledge.service.portfolio.Amounts.money;
import static com.ipledge.service.portfolio.Amounts.ratio;

import com.ipledge.service.evaluation.EvaluationService;
import com.ipledge.service.evaluation.StoredDecision;
import com.ipledge.service.loan.Classification;
import com.ipledge.service.portfolio.BookHistoryRepository.DisbursedLoan;
import com.ipledge.service.portfolio.BookHistoryRepository.LoanFacts;
import com.ipledge.service.portfolio.BookHistoryRepository.Move;
import com.ipledge.service.portfolio.BookHistoryRepository.Raised;
import com.ipledge.service.portfolio.BookHistoryRepository.Repaid;
import com.ipledge.service.portfolio.PortfolioBook.BookLoan;
import com.ipledge.service.portfolio.PortfolioBook.IpPart;
import com.ipledge.service.portfolio.PortfolioRepository.BookRow;
import com.ipledge.service.portfolio.PortfolioRepository.PledgedAsset;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The book narrowed by a {@link BookFilter}, for the bureau's dashboard: its loans as {@link BookLine}s (every
 * figure and every drill-down is a sum over them), its simulated loss distribution, and its monthly history
 * computed from dated records (disbursements, repayments, classification moves, alerts). Read-only.
 */
@Singleton
public class PortfolioSelection {
    /**
     * The book at the end of a month ({@code asOf}: the month's last day, or today for the current month, which is
     * then {@code partial}): loans disbursed and not closed by then, their outstanding principal (principal less
     * the principal repaid on or before that day), the part classified substandard or worse on that day, alerts
     * raised in the month and alerts open at its end; and the month's disbursements.
     */
    public record MonthPoint(YearMonth month, LocalDate asOf, boolean partial, long disbursedCount,
                             BigDecimal disbursedAmount, long loans, BigDecimal balance, BigDecimal nonPerforming,
                             BigDecimal nplRatio, long alertsRaised, long alertsOpen) {
    }

    private final PortfolioBook book;
    private final PortfolioRepository portfolio;
    private final BookHistoryRepository history;
    private final EvaluationService decisions;
    private final PortfolioRiskAnalysis risk;
    private final Clock clock;

    PortfolioSelection(PortfolioBook book, PortfolioRepository portfolio, BookHistoryRepository history,
                       EvaluationService decisions, PortfolioRiskAnalysis risk, Clock clock) {
        this.book = book;
        this.portfolio = portfolio;
        this.history = history;
        this.decisions = decisions;
        this.risk = risk;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    /** The loans of the book (DISBURSED, REPAYING, DEFAULTED) in scope that the filter admits. */
    public List<BookLine> lines(Optional<UUID> bankScope, BookFilter filter) {
        List<BookLoan> loans = loans(bankScope, filter);
        List<UUID> ids = loans.stream().map(l -> l.row().loanId()).toList();
        Map<UUID, LoanFacts> facts = history.facts(ids);
        Map<UUID, Map<String, Long>> alerts = history.openAlerts(ids);
        List<BookLine> lines = new ArrayList<>(loans.size());
        for (BookLoan l : loans) {
            BookRow r = l.row();
            LoanFacts f = facts.get(r.loanId());
            lines.add(new BookLine(r.loanId(), r.bankId(), r.bankCode(), r.bankName(), f.borrowerName(), r.status(),
                    r.classification(), f.disbursedOn(), f.principal(), l.row().outstanding(), l.outstanding(),
                    l.live() ? l.expectedLoss(l.outstanding()) : BigDecimal.ZERO, l.section(), l.ecoIndustry(),
                    r.regionCode(), BookFilter.regionKey(r.regionCode()),
                    l.ipParts().stream().map(p -> new BookLine.Part(p.ipType(), p.amount())).toList(),
                    alerts.getOrDefault(r.loanId(), Map.of())));
        }
        return lines;
    }

    /** The simulated loss distribution of the filtered book's live loans (as {@link PortfolioRiskAnalysis}). */
    public PortfolioRiskView risk(Optional<UUID> bankScope, BookFilter filter, RiskOptions options) {
        return risk.simulate(bankScope, loans(bankScope, filter), options);
    }

    /** One point per month from {@code first} to the month of {@code last} (at most today), oldest first. */
    public List<MonthPoint> trends(Optional<UUID> bankScope, BookFilter filter, YearMonth first, LocalDate last) {
        LocalDate today = today();
        LocalDate end = last.isAfter(today) ? today : last;
        List<DisbursedLoan> all = history.disbursed(bankScope);
        Map<UUID, List<PledgedAsset>> pledged = portfolio.pledgedAssets(all.stream()
                .map(DisbursedLoan::applicationId).toList());
        List<DisbursedLoan> loans = new ArrayList<>();
        for (DisbursedLoan l : all) {
            if (admits(filter, l, pledged.getOrDefault(l.applicationId(), List.of()))) {
                loans.add(l);
            }
        }
        Map<UUID, StoredDecision> decided = filter.ipType() == null ? Map.of()
                : decisions.findAll(loans.stream().map(DisbursedLoan::decisionId).toList());
        Map<UUID, List<Repaid>> repaid = new HashMap<>();
        history.repayments(bankScope).forEach(p -> repaid.computeIfAbsent(p.loanId(), k -> new ArrayList<>()).add(p));
        Map<UUID, List<Move>> moves = new HashMap<>();
        history.classificationMoves(bankScope)
                .forEach(m -> moves.computeIfAbsent(m.loanId(), k -> new ArrayList<>()).add(m));
        Map<UUID, List<Raised>> raised = new HashMap<>();
        history.alerts(bankScope).forEach(a -> raised.computeIfAbsent(a.loanId(), k -> new ArrayList<>()).add(a));

        List<MonthPoint> points = new ArrayList<>();
        for (YearMonth m = first; !m.isAfter(YearMonth.from(end)); m = m.plusMonths(1)) {
            boolean partial = m.equals(YearMonth.from(today)) && today.isBefore(m.atEndOfMonth());
            LocalDate asOf = m.equals(YearMonth.from(end)) ? end : m.atEndOfMonth();
            long disbursedCount = 0;
            long count = 0;
            long alertsRaised = 0;
            long alertsOpen = 0;
            BigDecimal disbursed = BigDecimal.ZERO;
            BigDecimal balance = BigDecimal.ZERO;
            BigDecimal nonPerforming = BigDecimal.ZERO;
            for (DisbursedLoan l : loans) {
                List<PledgedAsset> assets = pledged.getOrDefault(l.applicationId(), List.of());
                Optional<StoredDecision> decision = Optional.ofNullable(decided.get(l.decisionId()));
                if (YearMonth.from(l.disbursedOn()).equals(m)) {
                    disbursedCount++;
                    disbursed = disbursed.add(counted(filter, l.principal(), assets, decision));
                }
                for (Raised a : raised.getOrDefault(l.loanId(), List.of())) {
                    LocalDate on = day(a.createdAt());
                    if (YearMonth.from(on).equals(m) && !on.isAfter(asOf)) {
                        alertsRaised++;
                    }
                    if (!on.isAfter(asOf) && (a.resolvedAt() == null || day(a.resolvedAt()).isAfter(asOf))) {
                        alertsOpen++;
                    }
                }
                if (l.disbursedOn().isAfter(asOf) || (l.closedOn() != null && !l.closedOn().isAfter(asOf))) {
                    continue;
                }
                BigDecimal outstanding = l.principal();
                for (Repaid p : repaid.getOrDefault(l.loanId(), List.of())) {
                    if (!p.paidOn().isAfter(asOf)) {
                        outstanding = outstanding.subtract(p.principal());
                    }
                }
                if (outstanding.signum() <= 0) {
                    continue;
                }
                BigDecimal amount = counted(filter, outstanding, assets, decision);
                count++;
                balance = balance.add(amount);
                if (classificationOn(l, moves.getOrDefault(l.loanId(), List.of()), asOf).isNonPerforming()) {
                    nonPerforming = nonPerforming.add(amount);
                }
            }
            points.add(new MonthPoint(m, asOf, partial, disbursedCount, money(disbursed), count, money(balance),
                    money(nonPerforming), ratio(nonPerforming, balance), alertsRaised, alertsOpen));
        }
        return points;
    }

    // ------------------------------------------------------------------------------------------------ helpers

    /** The book's loans the filter admits; under an IP-type filter each counts only its part of that type. */
    List<BookLoan> loans(Optional<UUID> bankScope, BookFilter filter) {
        List<BookLoan> all = book.loans(bankScope);
        boolean period = filter.from() != null || filter.to() != null;
        Map<UUID, LoanFacts> facts = period ? history.facts(all.stream().map(l -> l.row().loanId()).toList())
                : Map.of();
        List<BookLoan> admitted = new ArrayList<>();
        for (BookLoan l : all) {
            BookRow r = l.row();
            if (!filter.admitsBank(r.bankId()) || !filter.admitsSection(l.section())
                    || !filter.admitsEcoIndustry(l.ecoIndustry()) || !filter.admitsRegion(r.regionCode())
                    || (filter.nonPerformingOnly() && !r.classification().isNonPerforming())
                    || (period && !filter.admitsDisbursement(facts.get(r.loanId()).disbursedOn()))) {
                continue;
            }
            if (filter.ipType() == null) {
                admitted.add(l);
                continue;
            }
            l.ipParts().stream().filter(p -> p.ipType().equals(filter.ipType())).findFirst().ifPresent(p ->
                    admitted.add(new BookLoan(new BookRow(r.loanId(), r.applicationId(), r.bankId(), r.bankCode(),
                            r.bankName(), r.status(), p.amount(), r.industryCode(), r.ecoIndustry(), r.regionCode(),
                            r.decisionId(), r.classification()), l.section(), l.ecoIndustry(), List.of(p),
                            p.ipType(), l.pd(), l.lgd(), l.missingPdLgd())));
        }
        return admitted;
    }

    private static boolean admits(BookFilter filter, DisbursedLoan l, List<PledgedAsset> assets) {
        String eco = l.ecoIndustry() == null || l.ecoIndustry().isBlank() ? BookFilter.UNSPECIFIED : l.ecoIndustry();
        boolean ipType = filter.ipType() == null || (assets.isEmpty() ? filter.ipType().equals(BookFilter.UNSPECIFIED)
                : assets.stream().anyMatch(a -> filter.ipType().equals(
                        a.type() == null ? BookFilter.UNSPECIFIED : a.type())));
        return filter.admitsBank(l.bankId()) && filter.admitsDisbursement(l.disbursedOn())
                && filter.admitsSection(PortfolioLabels.section(l.industryCode())) && filter.admitsEcoIndustry(eco)
                && filter.admitsRegion(l.regionCode()) && ipType;
    }

    /** The amount, or under an IP-type filter its part of that type (split as the book splits balances). */
    private static BigDecimal counted(BookFilter filter, BigDecimal amount, List<PledgedAsset> assets,
                                      Optional<StoredDecision> decision) {
        if (filter.ipType() == null) {
            return amount;
        }
        return PortfolioBook.ipSplit(amount, assets, PortfolioBook.collateralValues(decision)).stream()
                .filter(p -> p.ipType().equals(filter.ipType())).map(IpPart::amount).findFirst()
                .orElse(BigDecimal.ZERO);
    }

    /** The classification on a day: the last move's on or before it, else where the first move started from. */
    private static Classification classificationOn(DisbursedLoan l, List<Move> moves, LocalDate day) {
        Classification on = moves.isEmpty() ? l.classification() : moves.get(0).from();
        for (Move m : moves) {
            if (!m.onDate().isAfter(day)) {
                on = m.to();
            }
        }
        return on;
    }

    private LocalDate day(OffsetDateTime at) {
        return at.atZoneSameInstant(clock.getZone()).toLocalDate();
    }
}
