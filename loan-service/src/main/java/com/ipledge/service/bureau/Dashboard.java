package com.ipledge.service.bureau;

import com.ipledge.service.admin.AdminService;
import com.ipledge.service.admin.Bank;
import com.ipledge.service.portfolio.BookFilter;
import com.ipledge.service.portfolio.BookLine;
import com.ipledge.service.portfolio.BookNames;
import com.ipledge.service.portfolio.PortfolioSelection;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The dashboard's figures for one signed-in user and one {@link DashboardFilter}: every figure, table and chart is
 * a sum over the same filtered loans ({@link PortfolioSelection#lines}), so that a bar and the drill-down list
 * behind it agree to the fen. One balance (the outstanding principal of disbursed, repaying and defaulted loans),
 * one NPL definition (classified substandard or worse). Tables carry formatted cells for the page and the exports;
 * charts get the same numbers. A bank's staff get their bank's book only, exactly as that bank's API key would.
 */
@Singleton
public class Dashboard {
    /** The sections that have a table (and exports), in page order; {@code risk} and {@code stress} come from the run. */
    static final List<String> TABLES = List.of("byBank", "byIndustry", "byEcoIndustry", "byRegion", "byIpType",
            "quota", "npl", "alerts", "trends", "risk", "stress");

    /** A table as shown: column headings and formatted cells. */
    public record Table(List<String> columns, List<List<String>> rows) {
        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    /**
     * One section of the page: a chart, its table and its exports; {@code links} the drill-down behind each row
     * (null where there is none), {@code flagged} the rows the page highlights (a tolerance breached).
     */
    public record Section(String id, String title, String description, Table table, List<String> links,
                          List<Boolean> flagged) {
        public String link(int row) {
            return links.get(row);
        }

        public boolean flag(int row) {
            return flagged.get(row);
        }
    }

    /** A headline figure, and the loans behind it. */
    public record Figure(String id, String label, String value, String link) {
    }

    /** A filter as the page states it ("银行：甘肃银行"). */
    public record Applied(String parameter, String label, String value) {
    }

    /** Everything the page shows, and the charts' data. */
    public record View(String scopeName, String asOf, String generatedAt, List<Figure> figures,
                       List<Section> sections, Map<String, Object> charts, List<Applied> filters, String query) {
    }

    private final PortfolioSelection selection;
    private final BookBreakdowns breakdowns;
    private final MonthlyTrends trends;
    private final AdminService banks;
    private final BureauPages pages;
    private final Clock clock;

    public Dashboard(PortfolioSelection selection, BookBreakdowns breakdowns, MonthlyTrends trends, AdminService banks,
                     BureauPages pages, Clock clock) {
        this.selection = selection;
        this.breakdowns = breakdowns;
        this.trends = trends;
        this.banks = banks;
        this.pages = pages;
        this.clock = clock;
    }

    public View view(Caller caller, Locale locale, DashboardFilter filter) {
        List<BookLine> lines = selection.lines(caller.bankScope(), filter.book());
        String scopeName = caller.bankScope().flatMap(banks::find).map(Bank::name)
                .orElseGet(() -> m("bureau.scope.all", locale));
        String q = filter.dashboardQuery();
        BigDecimal balance = sum(lines, BookLine::amount);
        BigDecimal nonPerforming = sum(lines.stream().filter(BookLine::nonPerforming).toList(), BookLine::amount);
        BigDecimal performingStatus = sum(lines.stream().filter(l -> l.status().isLive()).toList(),
                BookLine::amount);
        BigDecimal el = sum(lines, BookLine::expectedLoss);
        long alerts = lines.stream().mapToLong(BookLine::openAlertCount).sum();
        String loans = "/bureau/loans" + q;
        List<Figure> figures = List.of(
                new Figure("loans", m("bureau.figure.loans", locale), Figures.count(lines.size()), loans),
                new Figure("outstanding", m("bureau.figure.balance", locale, unit(locale)),
                        Figures.money(balance, locale), loans),
                new Figure("nonPerforming", m("bureau.figure.nonPerforming", locale, unit(locale)),
                        Figures.money(nonPerforming, locale), "/bureau/loans" + filter.query("npl", "true")),
                new Figure("nplRatio", m("bureau.figure.nplRatio", locale), Figures.percent(ratio(nonPerforming,
                        balance)), "/bureau/loans" + filter.query("npl", "true")),
                new Figure("expectedLoss", m("bureau.figure.expectedLoss", locale, unit(locale)),
                        Figures.money(el, locale), loans),
                new Figure("expectedLossRate", m("bureau.figure.expectedLossRate", locale),
                        Figures.percent(ratio(el, performingStatus)), loans),
                new Figure("openAlerts", m("bureau.figure.openAlerts", locale), Figures.count(alerts), loans));
        List<Section> sections = new ArrayList<>();
        Map<String, Object> charts = new LinkedHashMap<>();
        breakdowns.add(sections, charts, caller, filter, locale, lines, balance);
        trends.add(sections, charts, caller, filter, locale);
        ZonedDateTime now = ZonedDateTime.now(clock);
        return new View(scopeName, now.toLocalDate().toString(),
                now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), figures, sections, charts,
                applied(filter, locale), q);
    }

    /** What a page about this filter states on top (scope, date and time, filters), without the figures. */
    public View header(Caller caller, Locale locale, DashboardFilter filter) {
        String scopeName = caller.bankScope().flatMap(banks::find).map(Bank::name)
                .orElseGet(() -> m("bureau.scope.all", locale));
        ZonedDateTime now = ZonedDateTime.now(clock);
        return new View(scopeName, now.toLocalDate().toString(),
                now.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")), List.of(), List.of(), Map.of(),
                applied(filter, locale), filter.dashboardQuery());
    }

    /** The filters in words, in the URL's order. */
    List<Applied> applied(DashboardFilter filter, Locale locale) {
        boolean en = locale.equals(BureauPages.EN);
        List<Applied> out = new ArrayList<>();
        for (String p : DashboardFilter.PARAMETERS) {
            String v = filter.get(p);
            if (v == null) {
                continue;
            }
            String shown = switch (p) {
                case "bank" -> filter.bank().name();
                case "industry" -> v.equals(BookFilter.UNSPECIFIED) ? BookNames.section(v).in(en)
                        : v + " " + BookNames.section(v).in(en);
                case "region" -> v + (BookNames.region(v).in(en).equals(v) ? "" : " " + BookNames.region(v).in(en));
                case "ipType" -> BookNames.ipType(v).in(en);
                case "eco" -> m("bureau.eco." + v, locale);
                case "npl" -> m("bureau.filter.nplOnly", locale);
                case "alert" -> m("bureau.severity." + v, locale);
                default -> v;
            };
            out.add(new Applied(p, m("bureau.filter." + p, locale), shown));
        }
        return out;
    }

    // ---------------------------------------------------------------------------------------------- helpers

    static BigDecimal sum(List<BookLine> lines, Function<BookLine, BigDecimal> amount) {
        return lines.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(6)
                : part.divide(whole, 6, RoundingMode.HALF_UP);
    }

    private String unit(Locale locale) {
        return m("bureau.unit", locale);
    }

    private String m(String key, Locale locale, Object... args) {
        return pages.message(key, locale, args);
    }
}
