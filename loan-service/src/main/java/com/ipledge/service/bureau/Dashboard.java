package com.ipledge.service.bureau;

import com.ipledge.risk.portfolio.Concentration;
import com.ipledge.rules.EcoIndustry;
import com.ipledge.rules.Severity;
import com.ipledge.service.admin.AdminService;
import com.ipledge.service.admin.Bank;
import com.ipledge.service.csv.Csv;
import com.ipledge.service.losssharing.LossSharingViews.NplView;
import com.ipledge.service.losssharing.NplRatios;
import com.ipledge.service.portfolio.BookFilter;
import com.ipledge.service.portfolio.BookLine;
import com.ipledge.service.portfolio.BookNames;
import com.ipledge.service.portfolio.PortfolioRiskView;
import com.ipledge.service.portfolio.PortfolioSelection;
import com.ipledge.service.portfolio.PortfolioSelection.MonthPoint;
import com.ipledge.service.portfolio.PortfolioSummaries;
import com.ipledge.service.portfolio.PortfolioSummary.QuotaUse;
import com.ipledge.service.portfolio.RiskOptions;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
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
    private final PortfolioSummaries portfolio;
    private final NplRatios nplRatios;
    private final AdminService banks;
    private final BureauPages pages;
    private final Clock clock;

    public Dashboard(PortfolioSelection selection, PortfolioSummaries portfolio, NplRatios nplRatios,
                     AdminService banks, BureauPages pages, Clock clock) {
        this.selection = selection;
        this.portfolio = portfolio;
        this.nplRatios = nplRatios;
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
        trends(sections, charts, caller, filter, locale);
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

    // --------------------------------------------------------------------------------------------- sections

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

    private void trends(List<Section> sections, Map<String, Object> charts, Caller caller, DashboardFilter filter,
                        Locale locale) {
        var today = selection.today();
        var last = filter.book().to() == null || filter.book().to().isAfter(today) ? today : filter.book().to();
        YearMonth first = filter.book().from() != null ? YearMonth.from(filter.book().from())
                : YearMonth.from(last).minusMonths(11);
        List<MonthPoint> points = selection.trends(caller.bankScope(), filter.book(), first, last);
        List<List<String>> cells = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<BigDecimal> balance = new ArrayList<>();
        List<BigDecimal> npl = new ArrayList<>();
        List<BigDecimal> raised = new ArrayList<>();
        List<BigDecimal> open = new ArrayList<>();
        for (MonthPoint p : points) {
            String month = p.partial() ? m("bureau.trend.partial", locale, p.month().toString(),
                    String.valueOf(p.asOf().getDayOfMonth())) : p.month().toString();
            cells.add(List.of(month, Figures.count(p.disbursedCount()), Figures.money(p.disbursedAmount(), locale),
                    Figures.money(p.balance(), locale), Figures.money(p.nonPerforming(), locale),
                    Figures.percent(p.nplRatio()), Figures.count(p.alertsRaised()), Figures.count(p.alertsOpen())));
            categories.add(month);
            balance.add(Figures.chartMoney(p.balance(), locale));
            npl.add(Figures.chartPercent(p.nplRatio()));
            raised.add(BigDecimal.valueOf(p.alertsRaised()));
            open.add(BigDecimal.valueOf(p.alertsOpen()));
        }
        Table table = new Table(List.of(m("bureau.col.month", locale), m("bureau.col.disbursedCount", locale),
                m("bureau.col.disbursedAmount", locale, unit(locale)), m("bureau.col.monthBalance", locale,
                        unit(locale)), m("bureau.col.monthNonPerforming", locale, unit(locale)),
                m("bureau.col.nplRatio", locale), m("bureau.col.alertsRaised", locale),
                m("bureau.col.alertsOpen", locale)), cells);
        sections.add(new Section("trends", m("bureau.section.trends", locale), m("bureau.trends.note", locale),
                table, cells.stream().map(c -> (String) null).toList(), cells.stream().map(c -> false).toList()));
        Map<String, Object> chart = chart("trend", categories, List.of(
                series(m("bureau.series.monthBalance", locale), balance, 0, "bar"),
                series(m("bureau.series.nplRatio", locale), npl, 1, "line"),
                series(m("bureau.series.alertsOpen", locale), open, 2, "line"),
                series(m("bureau.series.alertsRaised", locale), raised, 2, "line")), null);
        chart.put("axes", List.of(m("bureau.axis.balance", locale, unit(locale)), m("bureau.axis.ratio", locale),
                m("bureau.axis.alerts", locale)));
        chart.put("units", List.of(unit(locale), "%", m("bureau.unit.alerts", locale)));
        chart.put("integerAxes", List.of(2));
        charts.put("trends", chart);
    }

    // ------------------------------------------------------------------------------------------------ risk

    /** The risk section's data for {@code /bureau/risk.json}: the seeded simulation of the filtered live book. */
    public Map<String, Object> risk(Caller caller, Locale locale, DashboardFilter filter) {
        PortfolioRiskView r = selection.risk(caller.bankScope(), filter.book(), RiskOptions.defaults());
        boolean en = locale.equals(BureauPages.EN);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("loans", r.loans());
        out.put("unit", unit(locale));
        out.put("summary", m("bureau.risk.summary", locale, Figures.count(r.loans()), Figures.count(r.scenarios()),
                String.format(Locale.ROOT, "%.2f", r.correlation()), Figures.count(r.elapsedMs())));
        out.put("table", riskTable(r, locale));
        List<Map<String, Object>> marks = new ArrayList<>();
        marks.add(mark(m("bureau.risk.elShort", locale), r.expectedLoss(), locale));
        for (String level : List.of("0.99", "0.999")) {
            String pct = level.equals("0.99") ? "99%" : "99.9%";
            marks.add(mark("VaR " + pct, r.lossQuantiles().get(level), locale));
            marks.add(mark("ES " + pct, r.expectedShortfall().get(level), locale));
        }
        out.put("stress", stressTable(r, locale, en));
        List<List<BigDecimal>> bins = new ArrayList<>();
        for (PortfolioRiskView.Bin b : r.histogram()) {
            bins.add(List.of(Figures.chartMoney(b.from(), locale), Figures.chartMoney(b.to(), locale),
                    BigDecimal.valueOf(b.count())));
        }
        out.put("histogram", bins);
        out.put("marks", marks);
        out.put("xName", m("bureau.risk.loss", locale, unit(locale)));
        out.put("yName", m("bureau.risk.scenarios", locale));
        out.put("scenarioUnit", m("bureau.unit.scenarios", locale));
        return out;
    }

    private Table riskTable(PortfolioRiskView r, Locale locale) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(m("bureau.risk.el", locale), Figures.money(r.expectedLoss(), locale)));
        for (String level : List.of("0.99", "0.999")) {
            String pct = level.equals("0.99") ? "99%" : "99.9%";
            rows.add(List.of(m("bureau.risk.var", locale, pct), Figures.money(r.lossQuantiles().get(level), locale)));
            rows.add(List.of(m("bureau.risk.es", locale, pct),
                    Figures.money(r.expectedShortfall().get(level), locale)));
        }
        return new Table(List.of(m("bureau.risk.measure", locale), m("bureau.col.amount", locale, unit(locale))),
                rows);
    }

    /** Stress rows name the industry section they shock (the one with the largest live balance). */
    private Table stressTable(PortfolioRiskView r, Locale locale, boolean en) {
        List<List<String>> stress = new ArrayList<>();
        for (PortfolioRiskView.StressResult st : r.stress()) {
            String name = en ? st.descriptionEn() : st.descriptionZh();
            if (st.shockedIndustry() != null) {
                name += m("bureau.risk.shocked", locale, st.shockedIndustry() + " "
                        + BookNames.section(st.shockedIndustry()).in(en));
            }
            stress.add(List.of(name, Figures.money(st.expectedLoss(), locale),
                    Figures.money(st.lossQuantiles().get("0.999"), locale),
                    Figures.money(st.expectedShortfall().get("0.999"), locale)));
        }
        return new Table(List.of(m("bureau.risk.scenario", locale),
                m("bureau.col.expectedLoss", locale, unit(locale)), m("bureau.risk.var999", locale, unit(locale)),
                m("bureau.risk.es999", locale, unit(locale))), stress);
    }

    private static Map<String, Object> mark(String name, BigDecimal yuan, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("value", Figures.chartMoney(yuan, locale));
        return m;
    }

    // ------------------------------------------------------------------------------------------------ exports

    /** The page's tables (and the risk run's) with their titles, for the exports: the screen, cell for cell. */
    public List<Section> exportSections(Caller caller, Locale locale, DashboardFilter filter, View view,
                                        boolean withRisk) {
        List<Section> all = new ArrayList<>(view.sections());
        if (withRisk) {
            PortfolioRiskView r = selection.risk(caller.bankScope(), filter.book(), RiskOptions.defaults());
            Table risk = riskTable(r, locale);
            Table stress = stressTable(r, locale, locale.equals(BureauPages.EN));
            all.add(new Section("risk", m("bureau.section.risk", locale), "", risk, nulls(risk), falses(risk)));
            all.add(new Section("stress", m("bureau.risk.stress", locale), "", stress, nulls(stress),
                    falses(stress)));
        }
        return all;
    }

    /** The workbook of {@code sections} with the overview, the data's date and time and the filters on every sheet. */
    public byte[] workbook(View view, List<Section> sections, Locale locale) {
        return DashboardWorkbook.write(view, sections, m("bureau.title", locale), asOfLine(view, locale),
                filtersLine(view, locale), m("bureau.xlsx.overview", locale));
    }

    /** One table as CSV: title, the data's date, the filters, then the table as shown (UTF-8 with BOM). */
    public byte[] csv(View view, Section section, Locale locale) {
        Csv.Writer csv = Csv.Writer.formulaSafe();
        csv.row(List.of(section.title() + " · " + view.scopeName()));
        csv.row(List.of(asOfLine(view, locale)));
        csv.row(List.of(filtersLine(view, locale)));
        csv.row(section.table().columns());
        section.table().rows().forEach(csv::row);
        return csv.utf8WithBom();
    }

    String asOfLine(View view, Locale locale) {
        return m("bureau.asOf", locale, view.asOf()) + " · " + m("bureau.generatedAt", locale, view.generatedAt());
    }

    String filtersLine(View view, Locale locale) {
        if (view.filters().isEmpty()) {
            return m("bureau.filters.none", locale);
        }
        return m("bureau.filters.applied", locale) + " " + String.join(m("bureau.filters.separator", locale),
                view.filters().stream().map(a -> a.label() + " = " + a.value()).toList());
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

    private static String bankName(String code, List<BookLine> lines) {
        return lines.stream().filter(l -> l.bankCode().equals(code)).map(BookLine::bankName).findFirst()
                .orElse(code);
    }

    static BigDecimal sum(List<BookLine> lines, Function<BookLine, BigDecimal> amount) {
        return lines.stream().map(amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    static BigDecimal ratio(BigDecimal part, BigDecimal whole) {
        return whole.signum() == 0 ? BigDecimal.ZERO.setScale(6)
                : part.divide(whole, 6, RoundingMode.HALF_UP);
    }

    private static List<String> nulls(Table t) {
        return t.rows().stream().map(r -> (String) null).toList();
    }

    private static List<Boolean> falses(Table t) {
        return t.rows().stream().map(r -> false).toList();
    }

    private static Map<String, Object> chart(String type, List<String> categories, List<Map<String, Object>> series,
                                             List<String> links) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        c.put("categories", categories);
        c.put("series", series);
        if (links != null) {
            c.put("links", links);
        }
        return c;
    }

    private static Map<String, Object> series(String name, List<BigDecimal> data, int axis, String kind) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("data", data);
        s.put("axis", axis);
        s.put("kind", kind);
        return s;
    }

    private String unit(Locale locale) {
        return m("bureau.unit", locale);
    }

    private String m(String key, Locale locale, Object... args) {
        return pages.message(key, locale, args);
    }
}
