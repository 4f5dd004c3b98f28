package com.ipledge.service.bureau;

import static com.ipledge.service.bureau.Charts.chart;
import static com.ipledge.service.bureau.Charts.series;
import static com.ipledge.service.bureau.Dashboard.ratio;
import static com.ipledge.service.bureau.Dashboard.sum;

import com.ipledge.risk.portfolio.Concentration;
import com.ipledge.rules.EcoIndustry;
import com.ipledge.rules.Severity;
import com.ipledge.service.bureau.Dashboard.Section;
import com.ipledge.service.bureau.Dashboard.Table;
import com.ipledge.service.losssharing.LossSharingViews.NplView;
import com.ipledge.service.losssharing.NplRatios;
import com.ipledge.service.portfolio.BookFilter;
import com.ipledge.service.portfolio.BookLine;
import com.ipledge.service.portfolio.BookNames;
import com.ipledge.service.portfolio.PortfolioSummaries;
import com.ipledge.service.portfolio.PortfolioSummary.QuotaUse;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * The dashboard's breakdowns of the filtered book: by bank, industry, eco-industry, region and IP type, quota use,
 * NPL against tolerance and open alerts. Each a table (with the drill-down behind each row) and its chart.
 */
@Singleton
class BookBreakdowns {
    private final PortfolioSummaries portfolio;
    private final NplRatios nplRatios;
    private final BureauPages pages;

    BookBreakdowns(PortfolioSummaries portfolio, NplRatios nplRatios, BureauPages pages) {
        this.portfolio = portfolio;
        this.nplRatios = nplRatios;
        this.pages = pages;
    }

    /** Adds every breakdown's section and chart, in page order; {@code balance} is the lines' total. */
    void add(List<Section> sections, Map<String, Object> charts, Caller caller, DashboardFilter filter,
             Locale locale, List<BookLine> lines, BigDecimal balance) {
        boolean en = locale.equals(BureauPages.EN);
        grouped(sections, charts, "byBank", "bar", filter, locale, lines, balance,
                l -> List.of(l.bankCode()), k -> bankName(k, lines), "bank", m("bureau.col.bank", locale));
        grouped(sections, charts, "byIndustry", "bar", filter, locale, lines, balance, l -> List.of(l.section()),
                k -> (k.equals(BookFilter.UNSPECIFIED) ? "" : k + " ") + BookNames.section(k).in(en), "industry",
                m("bureau.col.section", locale));
        grouped(sections, charts, "byEcoIndustry", "pie", filter, locale, lines, balance,
                l -> List.of(l.ecoIndustry()), k -> m("bureau.eco." + k, locale), "eco",
                m("bureau.col.ecoIndustry", locale));
        grouped(sections, charts, "byRegion", "bar", filter, locale, lines, balance, l -> List.of(l.regionKey()),
                k -> (k.equals(BookFilter.UNSPECIFIED) ? "" : k + " ") + BookNames.region(k).in(en), "region",
                m("bureau.col.region", locale));
        grouped(sections, charts, "byIpType", "pie", filter, locale, lines, balance,
                l -> l.ipParts().stream().map(BookLine.Part::ipType).toList(), k -> BookNames.ipType(k).in(en),
                "ipType", m("bureau.col.ipType", locale));
        quota(sections, charts, caller, filter, locale);
        npl(sections, charts, caller, filter, lines, locale);
        alerts(sections, charts, filter, lines, locale);
    }

    /**
     * One row per level of a dimension (keys of each line: one, or a loan's IP types), with its amount counted
     * (a loan split across IP types counts each part under its type), NPL and EL; rows by balance, largest first.
     */
    private void grouped(List<Section> sections, Map<String, Object> charts, String id, String type,
                         DashboardFilter filter, Locale locale, List<BookLine> lines, BigDecimal total,
                         Function<BookLine, List<String>> keys, Function<String, String> name, String parameter,
                         String firstColumn) {
        Map<String, Level> levels = new LinkedHashMap<>();
        if (id.equals("byEcoIndustry")) {
            for (EcoIndustry e : EcoIndustry.values()) {
                levels.put(e.name(), new Level(e.name())); // the province's ten, always, in its order
            }
        }
        for (BookLine l : lines) {
            for (String key : keys.apply(l)) {
                BigDecimal amount = id.equals("byIpType") ? l.ipParts().stream()
                        .filter(p -> p.ipType().equals(key)).map(BookLine.Part::amount).findFirst().orElseThrow()
                        : l.amount();
                levels.computeIfAbsent(key, Level::new).add(l, amount);
            }
        }
        List<Level> rows = new ArrayList<>(levels.values());
        if (!id.equals("byEcoIndustry")) {
            rows.sort(Comparator.comparing((Level v) -> v.balance).reversed().thenComparing(v -> v.key));
        }
        List<List<String>> cells = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<BigDecimal> balances = new ArrayList<>();
        List<BigDecimal> els = new ArrayList<>();
        for (Level v : rows) {
            String n = name.apply(v.key);
            cells.add(List.of(n, Figures.count(v.loans), Figures.money(v.balance, locale),
                    Figures.percent(ratio(v.balance, total)), Figures.money(v.nonPerforming, locale),
                    Figures.percent(ratio(v.nonPerforming, v.balance)), Figures.money(v.el, locale)));
            links.add("/bureau/loans" + filter.query(parameter, v.key));
            categories.add(n);
            balances.add(Figures.chartMoney(v.balance, locale));
            els.add(Figures.chartMoney(v.el, locale));
        }
        Table table = new Table(List.of(firstColumn, m("bureau.col.loans", locale),
                m("bureau.col.balance", locale, unit(locale)), m("bureau.col.share", locale),
                m("bureau.col.nonPerforming", locale, unit(locale)), m("bureau.col.nplRatio", locale),
                m("bureau.col.expectedLoss", locale, unit(locale))), cells);
        double hhi = Concentration.herfindahl(rows.stream().map(v -> v.balance).toList());
        String description = m("bureau.hhi", locale, String.format(Locale.ROOT, "%.4f", hhi))
                + (id.equals("byIpType") ? " " + m("bureau.ipType.note", locale) : "");
        sections.add(new Section(id, m("bureau.section." + id, locale), description, table, links,
                rows.stream().map(v -> false).toList()));
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(series(m("bureau.series.balance", locale), balances, 0, "bar"));
        if (type.equals("bar")) {
            series.add(series(m("bureau.series.expectedLoss", locale), els, 1, "line"));
        }
        Map<String, Object> chart = chart(type, categories, series, links);
        chart.put("axes", type.equals("bar") ? List.of(m("bureau.axis.balance", locale, unit(locale)),
                m("bureau.axis.expectedLoss", locale, unit(locale))) : List.of());
        chart.put("units", List.of(unit(locale), unit(locale)));
        charts.put(id, chart);
    }

    /** Sums of one level of a grouping. */
    private static final class Level {
        final String key;
        long loans;
        BigDecimal balance = BigDecimal.ZERO;
        BigDecimal nonPerforming = BigDecimal.ZERO;
        BigDecimal el = BigDecimal.ZERO;

        Level(String key) {
            this.key = key;
        }

        void add(BookLine l, BigDecimal amount) {
            loans++;
            balance = balance.add(amount);
            if (l.nonPerforming()) {
                nonPerforming = nonPerforming.add(amount);
            }
            if (amount.compareTo(l.amount()) == 0) {
                el = el.add(l.expectedLoss());
            } else if (l.amount().signum() != 0) {
                // a loan's part of one IP type carries that part of its EL
                el = el.add(l.expectedLoss().multiply(amount).divide(l.amount(), 20, RoundingMode.HALF_UP));
            }
        }
    }

    private void quota(List<Section> sections, Map<String, Object> charts, Caller caller, DashboardFilter filter,
                       Locale locale) {
        Optional<UUID> scope = filter.bank() == null ? caller.bankScope()
                : caller.bankScope().isPresent() && !caller.bankScope().get().equals(filter.bank().id())
                ? Optional.of(new UUID(0, 0)) : Optional.of(filter.bank().id());
        List<List<String>> cells = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<BigDecimal> drawn = new ArrayList<>();
        List<BigDecimal> reserved = new ArrayList<>();
        List<BigDecimal> available = new ArrayList<>();
        List<Boolean> flagged = new ArrayList<>();
        for (QuotaUse q : portfolio.summary(scope).quota()) {
            String n = q.bankName() + (q.segment() == null || q.segment().isBlank() ? "" : " · " + q.segment());
            cells.add(List.of(n, String.valueOf(q.year()), Figures.money(q.amount(), locale),
                    Figures.money(q.reserved(), locale), Figures.money(q.drawn(), locale),
                    Figures.money(q.available(), locale), Figures.percent(q.utilisation())));
            links.add("/bureau/loans" + filter.query("bank", q.bankCode()));
            flagged.add(q.available().signum() < 0);
            categories.add(n);
            drawn.add(Figures.chartMoney(q.drawn(), locale));
            reserved.add(Figures.chartMoney(q.reserved(), locale));
            available.add(Figures.chartMoney(q.available().max(BigDecimal.ZERO), locale));
        }
        Table table = new Table(List.of(m("bureau.col.bank", locale), m("bureau.col.year", locale),
                m("bureau.col.plan", locale, unit(locale)), m("bureau.col.reserved", locale, unit(locale)),
                m("bureau.col.drawn", locale, unit(locale)), m("bureau.col.available", locale, unit(locale)),
                m("bureau.col.utilisation", locale)), cells);
        sections.add(new Section("quota", m("bureau.section.quota", locale), m("bureau.quota.note", locale), table,
                links, flagged));
        Map<String, Object> chart = chart("stacked", categories, List.of(
                series(m("bureau.series.drawn", locale), drawn, 0, "bar"),
                series(m("bureau.series.reserved", locale), reserved, 0, "bar"),
                series(m("bureau.series.available", locale), available, 0, "bar")), links);
        chart.put("axes", List.of(m("bureau.axis.amount", locale, unit(locale))));
        chart.put("units", List.of(unit(locale)));
        charts.put("quota", chart);
    }

    /** Per bank: the filtered book's NPL ratio against the bank's reported overall ratio plus the tolerance. */
    private void npl(List<Section> sections, Map<String, Object> charts, Caller caller, DashboardFilter filter,
                     List<BookLine> lines, Locale locale) {
        var report = nplRatios.npl(caller);
        List<List<String>> cells = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<Boolean> flagged = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<BigDecimal> ip = new ArrayList<>();
        List<BigDecimal> limit = new ArrayList<>();
        for (NplView v : report.banks()) {
            if (filter.bank() != null && !filter.bank().id().equals(v.bankId())) {
                continue;
            }
            List<BookLine> own = lines.stream().filter(l -> l.bankId().equals(v.bankId())).toList();
            BigDecimal total = sum(own, BookLine::amount);
            BigDecimal np = sum(own.stream().filter(BookLine::nonPerforming).toList(), BookLine::amount);
            BigDecimal ratio = ratio(np, total);
            Boolean breached = v.limit() == null ? null : ratio.compareTo(v.limit()) > 0;
            String n = bankName(v.bankCode(), lines);
            cells.add(List.of(n, Figures.money(total, locale), Figures.money(np, locale), Figures.percent(ratio),
                    Figures.percent(v.overallNplRatio()), Figures.percent(v.limit()),
                    breached == null ? m("bureau.npl.unknown", locale)
                            : m(breached ? "bureau.npl.breached" : "bureau.npl.within", locale)));
            links.add("/bureau/loans" + filter.query("bank", v.bankCode(), "npl", "true"));
            flagged.add(Boolean.TRUE.equals(breached));
            categories.add(n);
            ip.add(Figures.chartPercent(ratio));
            limit.add(Figures.chartPercent(v.limit()));
        }
        Table table = new Table(List.of(m("bureau.col.bank", locale),
                m("bureau.col.balance", locale, unit(locale)), m("bureau.col.nonPerforming", locale, unit(locale)),
                m("bureau.col.ipNpl", locale), m("bureau.col.overallNpl", locale), m("bureau.col.nplLimit", locale),
                m("bureau.col.nplStatus", locale)), cells);
        sections.add(new Section("npl", m("bureau.section.npl", locale),
                m("bureau.npl.note", locale, Figures.percent(report.tolerance())), table, links, flagged));
        Map<String, Object> chart = chart("bar", categories, List.of(
                series(m("bureau.series.ipNpl", locale), ip, 0, "bar"),
                series(m("bureau.series.nplLimit", locale), limit, 0, "limit")), links);
        chart.put("axes", List.of(m("bureau.axis.ratio", locale)));
        chart.put("units", List.of("%"));
        chart.put("flagged", flagged);
        charts.put("npl", chart);
    }

    private void alerts(List<Section> sections, Map<String, Object> charts, DashboardFilter filter,
                        List<BookLine> lines, Locale locale) {
        List<List<String>> cells = new ArrayList<>();
        List<String> links = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<BigDecimal> counts = new ArrayList<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity severity = Severity.values()[i];
            long n = lines.stream().mapToLong(l -> l.openAlerts().getOrDefault(severity.name(), 0L)).sum();
            long loans = lines.stream().filter(l -> l.openAlerts().getOrDefault(severity.name(), 0L) > 0).count();
            String name = m("bureau.severity." + severity.name(), locale);
            cells.add(List.of(name, Figures.count(n), Figures.count(loans)));
            links.add("/bureau/loans" + filter.query("alert", severity.name()));
            categories.add(name);
            counts.add(BigDecimal.valueOf(n));
        }
        Table table = new Table(List.of(m("bureau.col.severity", locale), m("bureau.col.openAlerts", locale),
                m("bureau.col.loansWithAlerts", locale)), cells);
        sections.add(new Section("alerts", m("bureau.section.alerts", locale), m("bureau.alerts.note", locale),
                table, links, cells.stream().map(c -> false).toList()));
        Map<String, Object> chart = chart("bar", categories,
                List.of(series(m("bureau.col.openAlerts", locale), counts, 0, "bar")), links);
        chart.put("axes", List.of(m("bureau.axis.alerts", locale)));
        chart.put("units", List.of(m("bureau.unit.alerts", locale)));
        chart.put("integerAxes", List.of(0));
        charts.put("alerts", chart);
    }

    private static String bankName(String code, List<BookLine> lines) {
        return lines.stream().filter(l -> l.bankCode().equals(code)).map(BookLine::bankName).findFirst()
                .orElse(code);
    }

    private String unit(Locale locale) {
        return m("bureau.unit", locale);
    }

    private String m(String key, Locale locale, Object... args) {
        return pages.message(key, locale, args);
    }
}
