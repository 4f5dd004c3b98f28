package com.ipledge.service.bureau;

import com.ipledge.rules.Severity;
import com.ipledge.service.portfolio.BookLine;
import com.ipledge.service.portfolio.PortfolioSelection;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * The drill-down: the loans behind a figure ({@code /bureau/loans?<the dashboard's filters>&<the bar's
 * dimension>}), largest first, a page at a time. Its total is the figure's: the same lines, summed the same way.
 */
@Singleton
public class LoanList {
    static final int PAGE_SIZE = 50;

    /** One page of the list, its totals over every page, and the whole list's table for the exports. */
    public record Page(int page, int pages, long loans, String total, String alertsTotal, Dashboard.Table table,
                       Dashboard.Table all) {
        public boolean hasPrevious() {
            return page > 1;
        }

        public boolean hasNext() {
            return page < pages;
        }
    }

    private final PortfolioSelection selection;
    private final BureauPages pages;

    public LoanList(PortfolioSelection selection, BureauPages pages) {
        this.selection = selection;
        this.pages = pages;
    }

    public Page page(Caller caller, Locale locale, DashboardFilter filter, String pageParameter) {
        int page;
        try {
            page = pageParameter == null || pageParameter.isBlank() ? 1 : Integer.parseInt(pageParameter.strip());
        } catch (NumberFormatException e) {
            throw InvalidInput.of("page", "must be a whole number");
        }
        List<BookLine> lines = new ArrayList<>(selection.lines(caller.bankScope(), filter.book()).stream()
                .filter(l -> filter.alert() == null || l.openAlerts().getOrDefault(filter.alert(), 0L) > 0)
                .toList());
        lines.sort(Comparator.comparing(BookLine::amount).reversed().thenComparing(BookLine::bankCode)
                .thenComparing(BookLine::borrowerName).thenComparing(BookLine::loanId));
        int count = Math.max(1, (lines.size() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page < 1 || page > count) {
            throw InvalidInput.of("page", "must be between 1 and " + count);
        }
        boolean part = filter.book().ipType() != null;
        List<String> columns = new ArrayList<>(List.of(m("bureau.col.bank", locale), m("bureau.col.borrower", locale),
                m("bureau.col.loanRef", locale), m("bureau.col.disbursedOn", locale), m("bureau.col.status", locale),
                m("bureau.col.classification", locale), m("bureau.col.balance", locale, unit(locale))));
        if (part) {
            columns.add(m("bureau.col.counted", locale, unit(locale)));
        }
        columns.add(m("bureau.col.alerts", locale));
        List<List<String>> rows = new ArrayList<>();
        for (BookLine l : lines) {
            List<String> row = new ArrayList<>(List.of(l.bankName(), l.borrowerName(),
                    l.loanId().toString().substring(0, 8), String.valueOf(l.disbursedOn()),
                    m("bureau.status." + l.status().name(), locale),
                    m("bureau.class." + l.classification().name(), locale), Figures.money(l.outstanding(), locale)));
            if (part) {
                row.add(Figures.money(l.amount(), locale));
            }
            row.add(alerts(l, locale));
            rows.add(row);
        }
        BigDecimal total = Dashboard.sum(lines, BookLine::amount);
        long alerts = filter.alert() == null ? lines.stream().mapToLong(BookLine::openAlertCount).sum()
                : lines.stream().mapToLong(l -> l.openAlerts().getOrDefault(filter.alert(), 0L)).sum();
        int from = (page - 1) * PAGE_SIZE;
        int to = Math.min(lines.size(), from + PAGE_SIZE);
        return new Page(page, count, lines.size(), Figures.money(total, locale), Figures.count(alerts),
                new Dashboard.Table(columns, rows.subList(from, to)),
                new Dashboard.Table(columns, rows));
    }

    /** "2（高 1、关注 1）": the open alerts, worst first. */
    private String alerts(BookLine l, Locale locale) {
        long n = l.openAlertCount();
        if (n == 0) {
            return "0";
        }
        List<String> parts = new ArrayList<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            long k = l.openAlerts().getOrDefault(Severity.values()[i].name(), 0L);
            if (k > 0) {
                parts.add(m("bureau.severity." + Severity.values()[i].name(), locale) + " " + k);
            }
        }
        return m("bureau.alerts.cell", locale, Figures.count(n), String.join(m("bureau.filters.separator", locale),
                parts));
    }

    private String unit(Locale locale) {
        return m("bureau.unit", locale);
    }

    private String m(String key, Locale locale, Object... args) {
        return pages.message(key, locale, args);
    }
}
