package com.ipledge.service.portfolio;

import static com.ipledge.service.portfolio.Amounts.money;
import static com.ipledge.service.portfolio.Amounts.ratio;

import com.ipledge.service.loan.LoanStatus;
import com.ipledge.service.portfolio.PortfolioBook.BookLoan;
import com.ipledge.service.portfolio.PortfolioRepository.QuotaRow;
import com.ipledge.service.portfolio.PortfolioSummary.Alerts;
import com.ipledge.service.portfolio.PortfolioSummary.MonthTrend;
import com.ipledge.service.portfolio.PortfolioSummary.QuotaUse;
import com.ipledge.service.portfolio.PortfolioSummary.Totals;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The summary of the book for the bureau (every bank) or one bank: totals, the book's slicings, loans by status,
 * quota use, open alerts and the last twelve months' disbursements. Read-only, so nothing is audited.
 */
@Singleton
public class PortfolioSummaries {
    private final PortfolioBook book;
    private final PortfolioRepository repository;
    private final Clock clock;

    PortfolioSummaries(PortfolioBook book, PortfolioRepository repository, Clock clock) {
        this.book = book;
        this.repository = repository;
        this.clock = clock;
    }

    public PortfolioSummary summary(Caller caller) {
        return summary(caller.bankScope());
    }

    public PortfolioSummary summary(Optional<UUID> bankScope) {
        LocalDate today = LocalDate.now(clock);
        List<BookLoan> loans = book.loans(bankScope);

        long liveLoans = 0;
        long defaultedLoans = 0;
        long missing = 0;
        BigDecimal live = BigDecimal.ZERO;
        BigDecimal defaulted = BigDecimal.ZERO;
        BigDecimal el = BigDecimal.ZERO;
        long nonPerformingLoans = 0;
        BigDecimal nonPerforming = BigDecimal.ZERO;
        for (BookLoan l : loans) {
            if (l.row().classification().isNonPerforming()) {
                nonPerformingLoans++;
                nonPerforming = nonPerforming.add(l.outstanding());
            }
            if (l.live()) {
                liveLoans++;
                live = live.add(l.outstanding());
                el = el.add(l.expectedLoss(l.outstanding()));
                if (l.missingPdLgd()) {
                    missing++;
                }
            } else {
                defaultedLoans++;
                defaulted = defaulted.add(l.outstanding());
            }
        }
        BigDecimal outstanding = live.add(defaulted);
        Totals totals = new Totals(liveLoans, money(live), defaultedLoans, money(defaulted), money(el),
                ratio(el, live), ratio(nonPerforming, outstanding), missing, liveLoans + defaultedLoans,
                money(outstanding), nonPerformingLoans, money(nonPerforming));

        Map<String, Long> byStatus = new LinkedHashMap<>();
        for (LoanStatus s : LoanStatus.values()) {
            byStatus.put(s.name(), 0L);
        }
        repository.countsByStatus(bankScope).forEach(byStatus::put);

        BookSlices d = BookSlices.of(loans);
        return new PortfolioSummary(today, PortfolioBook.scopeName(bankScope), totals, byStatus, d.byBank(),
                d.byIndustry(), d.byEcoIndustry(), d.byRegion(), d.byIpType(), d.herfindahl(),
                quota(bankScope, today.getYear()), alerts(bankScope), trends(bankScope, today));
    }

    private List<QuotaUse> quota(Optional<UUID> bankScope, int year) {
        List<QuotaUse> rows = new ArrayList<>();
        for (QuotaRow q : repository.quotaPlans(bankScope, year)) {
            BigDecimal used = q.reserved().add(q.drawn());
            rows.add(new QuotaUse(q.planId(), q.bankId(), q.bankCode(), q.bankName(), q.year(), q.segment(),
                    q.amount(), q.reserved(), q.drawn(), q.amount().subtract(used), ratio(used, q.amount())));
        }
        return rows;
    }

    private Alerts alerts(Optional<UUID> bankScope) {
        Map<String, Long> open = repository.openAlertsBySeverity(bankScope);
        return new Alerts(true, open.values().stream().mapToLong(Long::longValue).sum(), open);
    }

    private List<MonthTrend> trends(Optional<UUID> bankScope, LocalDate today) {
        YearMonth last = YearMonth.from(today);
        YearMonth first = last.minusMonths(11);
        Map<YearMonth, long[]> counts = new LinkedHashMap<>();
        Map<YearMonth, BigDecimal> amounts = new HashMap<>();
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            counts.put(m, new long[1]);
            amounts.put(m, BigDecimal.ZERO);
        }
        for (PortfolioRepository.Disbursal d : repository.disbursedSince(bankScope, first.atDay(1))) {
            YearMonth m = YearMonth.from(d.disbursedOn());
            if (counts.containsKey(m)) {
                counts.get(m)[0]++;
                amounts.merge(m, d.principal(), BigDecimal::add);
            }
        }
        List<MonthTrend> trends = new ArrayList<>();
        counts.forEach((m, n) -> trends.add(new MonthTrend(m.toString(), n[0], money(amounts.get(m)))));
        return trends;
    }
}
