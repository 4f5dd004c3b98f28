package com.ipledge.service.bureau;

import com.ipledge.rules.EcoIndustry;
import com.ipledge.rules.Severity;
import com.ipledge.service.admin.Bank;
import com.ipledge.service.admin.AdminService;
import com.ipledge.service.csv.Csv;
import com.ipledge.service.losssharing.LossSharingViews.NplReport;
import com.ipledge.service.losssharing.LossSharingViews.NplView;
import com.ipledge.service.losssharing.NplRatios;
import com.ipledge.service.portfolio.PortfolioRiskView;
import com.ipledge.service.portfolio.PortfolioSummary;
import com.ipledge.service.portfolio.PortfolioSummary.ExposureRow;
import com.ipledge.service.portfolio.PortfolioSummary.QuotaUse;
import com.ipledge.service.portfolio.PortfolioCsv;
import com.ipledge.service.portfolio.PortfolioRiskAnalysis;
import com.ipledge.service.portfolio.PortfolioSummaries;
import com.ipledge.service.portfolio.RiskOptions;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The dashboard's figures for one signed-in user, from the services the API uses ({@link PortfolioSummaries},
 * {@link PortfolioRiskAnalysis}, {@link NplRatios}): tables with formatted cells for the page (the accessible form
 * of every chart) and chart specifications with the same numbers for {@code bureau.js}. A bank's staff get their
 * bank's book only, exactly as that bank's API key would.
 */
@Singleton
public class Dashboard {
    static final String UNSPECIFIED = "UNSPECIFIED";
    /** The tables {@code /bureau/export/{table}.csv} serves: the portfolio's and the dashboard's own. */
    static final List<String> OWN_TABLES = List.of("npl", "alerts", "risk");

    /** A table as shown: column headings and formatted cells. */
    public record Table(List<String> columns, List<List<String>> rows) {
        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    /** One section of the page: a chart, its table and its CSV export. */
    public record Section(String id, String title, String description, Table table, String csv) {
    }

    /** A headline figure. */
    public record Figure(String id, String label, String value) {
    }

    /** Everything the page shows, and the charts' data. */
    public record View(String scopeName, String asOf, List<Figure> figures, List<Section> sections,
                       Map<String, Object> charts) {
    }

    private final PortfolioSummaries portfolio;
    private final PortfolioRiskAnalysis risk;
    private final NplRatios nplRatios;
    private final AdminService banks;
    private final BureauPages pages;

    public Dashboard(PortfolioSummaries portfolio, PortfolioRiskAnalysis risk, NplRatios nplRatios,
                     AdminService banks, BureauPages pages) {
        this.portfolio = portfolio;
        this.risk = risk;
        this.nplRatios = nplRatios;
        this.banks = banks;
        this.pages = pages;
    }

    public View view(Caller caller, Locale locale) {
        PortfolioSummary s = portfolio.summary(caller.bankScope());
        NplReport npl = nplRatios.npl(caller);
        String scopeName = caller.bankScope().flatMap(banks::find).map(Bank::name)
                .orElseGet(() -> m("bureau.scope.all", locale));

        List<Figure> figures = List.of(
                // the whole book (performing and not), as the NPL table counts it: one balance everywhere
                new Figure("loans", m("bureau.figure.liveLoans", locale), Figures.count(s.totals().loans())),
                new Figure("outstanding", m("bureau.figure.liveExposure", locale) + " (" + unit(locale) + ")",
                        Figures.money(s.totals().outstanding(), locale)),
                new Figure("expectedLoss", m("bureau.figure.expectedLoss", locale) + " (" + unit(locale) + ")",
                        Figures.money(s.totals().expectedLoss(), locale)),
                new Figure("expectedLossRate", m("bureau.figure.expectedLossRate", locale),
                        Figures.percent(s.totals().expectedLossRate())),
                new Figure("nplRatio", m("bureau.figure.nplRatio", locale), Figures.percent(s.totals().nplRatio())),
                new Figure("openAlerts", m("bureau.figure.openAlerts", locale), Figures.count(s.alerts().open())));

        List<Section> sections = new ArrayList<>();
        Map<String, Object> charts = new LinkedHashMap<>();

        exposure(sections, charts, "byBank", "bar", s.byBank(), r -> r.nameZh() != null ? r.nameZh() : r.key(),
                m("bureau.col.bank", locale), locale, s.herfindahl().get("bank"));
        exposure(sections, charts, "byIndustry", "bar", s.byIndustry(),
                r -> r.key() + " " + label(r, locale), m("bureau.col.section", locale), locale,
                s.herfindahl().get("industry"));
        exposure(sections, charts, "byEcoIndustry", "pie", allEcoIndustries(s.byEcoIndustry()),
                r -> m("bureau.eco." + r.key(), locale), m("bureau.col.ecoIndustry", locale), locale,
                s.herfindahl().get("ecoIndustry"));
        exposure(sections, charts, "byRegion", "bar", s.byRegion(),
                r -> r.nameZh() == null ? r.key() : r.key() + " " + label(r, locale),
                m("bureau.col.region", locale), locale, s.herfindahl().get("region"));
        exposure(sections, charts, "byIpType", "pie", s.byIpType(), r -> label(r, locale),
                m("bureau.col.ipType", locale), locale, s.herfindahl().get("ipType"));
        quota(sections, charts, s.quota(), locale);
        npl(sections, charts, npl, locale);
        alerts(sections, charts, s.alerts(), locale);
        trends(sections, charts, s.trends(), locale);
        return new View(scopeName, s.asOf().toString(), figures, sections, charts);
    }

    // --------------------------------------------------------------------------------------------- sections

    private void exposure(List<Section> sections, Map<String, Object> charts, String id, String type,
                          List<ExposureRow> rows, Function<ExposureRow, String> name, String firstColumn,
                          Locale locale, Double hhi) {
        List<List<String>> cells = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<BigDecimal> exposure = new ArrayList<>();
        List<BigDecimal> el = new ArrayList<>();
        for (ExposureRow r : rows) {
            String n = name.apply(r);
            cells.add(List.of(n, Figures.count(r.loans()), Figures.money(r.exposure(), locale),
                    Figures.percent(r.share()), Figures.money(r.expectedLoss(), locale),
                    Figures.count(r.defaultedLoans()), Figures.money(r.defaultedExposure(), locale)));
            categories.add(n);
            exposure.add(Figures.chartMoney(r.exposure(), locale));
            el.add(Figures.chartMoney(r.expectedLoss(), locale));
        }
        Table table = new Table(List.of(firstColumn, m("bureau.col.loans", locale),
                m("bureau.col.exposure", locale, unit(locale)), m("bureau.col.share", locale),
                m("bureau.col.expectedLoss", locale, unit(locale)), m("bureau.col.defaultedLoans", locale),
                m("bureau.col.defaultedExposure", locale, unit(locale))), cells);
        String description = hhi == null ? "" : m("bureau.hhi", locale, String.format(Locale.ROOT, "%.4f", hhi));
        sections.add(new Section(id, m("bureau.section." + id, locale), description, table, csv(id)));
        List<Map<String, Object>> series = new ArrayList<>();
        series.add(series(m("bureau.series.exposure", locale), exposure, null));
        if (type.equals("bar")) {
            series.add(series(m("bureau.series.expectedLoss", locale), el, null));
        }
        charts.put(id, chart(type, unit(locale), categories, series));
    }

    /** The ten ecological industries always, in the province's order (zero where there is no loan), then the rest. */
    private static List<ExposureRow> allEcoIndustries(List<ExposureRow> rows) {
        Map<String, ExposureRow> byKey = new LinkedHashMap<>();
        rows.forEach(r -> byKey.put(r.key(), r));
        List<ExposureRow> all = new ArrayList<>();
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        for (EcoIndustry e : EcoIndustry.values()) {
            ExposureRow r = byKey.remove(e.name());
            all.add(r != null ? r : new ExposureRow(e.name(), null, e.nameZh(), e.name(), null, 0, zero,
                    BigDecimal.ZERO.setScale(6), zero, 0, zero));
        }
        all.addAll(byKey.values());
        return all;
    }

    private void quota(List<Section> sections, Map<String, Object> charts, List<QuotaUse> quota, Locale locale) {
        List<List<String>> cells = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<BigDecimal> drawn = new ArrayList<>();
        List<BigDecimal> reserved = new ArrayList<>();
        List<BigDecimal> available = new ArrayList<>();
        for (QuotaUse q : quota) {
            String n = q.bankName() + (q.segment() == null || q.segment().isBlank() ? "" : " · " + q.segment());
            cells.add(List.of(n, String.valueOf(q.year()), Figures.money(q.amount(), locale),
                    Figures.money(q.reserved(), locale), Figures.money(q.drawn(), locale),
                    Figures.money(q.available(), locale), Figures.percent(q.utilisation())));
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
                csv("quota")));
        charts.put("quota", chart("stacked", unit(locale), categories, List.of(
                series(m("bureau.series.drawn", locale), drawn, "quota"),
                series(m("bureau.series.reserved", locale), reserved, "quota"),
                series(m("bureau.series.available", locale), available, "quota"))));
    }

    private void npl(List<Section> sections, Map<String, Object> charts, NplReport npl, Locale locale) {
        List<List<String>> cells = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<BigDecimal> ip = new ArrayList<>();
        List<BigDecimal> limit = new ArrayList<>();
        for (NplView v : npl.banks()) {
            cells.add(List.of(v.bankCode(), Figures.money(v.totalOutstanding(), locale),
                    Figures.money(v.nonPerformingOutstanding(), locale), Figures.percent(v.ipNplRatio()),
                    Figures.percent(v.overallNplRatio()), Figures.percent(v.limit()),
                    v.breached() == null ? m("bureau.npl.unknown", locale)
                            : m(v.breached() ? "bureau.npl.breached" : "bureau.npl.within", locale)));
            categories.add(v.bankCode());
            ip.add(Figures.chartPercent(v.ipNplRatio()));
            limit.add(Figures.chartPercent(v.limit()));
        }
        Table table = new Table(List.of(m("bureau.col.bank", locale),
                m("bureau.col.outstanding", locale, unit(locale)), m("bureau.col.defaulted", locale, unit(locale)),
                m("bureau.col.ipNpl", locale), m("bureau.col.overallNpl", locale), m("bureau.col.nplLimit", locale),
                m("bureau.col.nplStatus", locale)), cells);
        sections.add(new Section("npl", m("bureau.section.npl", locale),
                m("bureau.npl.note", locale, Figures.percent(npl.tolerance())), table, csv("npl")));
        charts.put("npl", chart("bar", "%", categories, List.of(series(m("bureau.series.ipNpl", locale), ip, null),
                series(m("bureau.series.nplLimit", locale), limit, null))));
    }

    private void alerts(List<Section> sections, Map<String, Object> charts, PortfolioSummary.Alerts alerts,
                        Locale locale) {
        List<List<String>> cells = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<BigDecimal> counts = new ArrayList<>();
        for (int i = Severity.values().length - 1; i >= 0; i--) {
            Severity severity = Severity.values()[i];
            long n = alerts.openBySeverity().getOrDefault(severity.name(), 0L);
            String name = m("bureau.severity." + severity.name(), locale);
            cells.add(List.of(name, Figures.count(n)));
            categories.add(name);
            counts.add(BigDecimal.valueOf(n));
        }
        Table table = new Table(List.of(m("bureau.col.severity", locale), m("bureau.col.openAlerts", locale)), cells);
        sections.add(new Section("alerts", m("bureau.section.alerts", locale),
                alerts.available() ? "" : m("bureau.alerts.unavailable", locale), table, csv("alerts")));
        charts.put("alerts", chart("bar", "", categories,
                List.of(series(m("bureau.col.openAlerts", locale), counts, null))));
    }

    private void trends(List<Section> sections, Map<String, Object> charts,
                        List<PortfolioSummary.MonthTrend> trends, Locale locale) {
        List<List<String>> cells = new ArrayList<>();
        List<String> categories = new ArrayList<>();
        List<BigDecimal> amounts = new ArrayList<>();
        List<BigDecimal> counts = new ArrayList<>();
        for (PortfolioSummary.MonthTrend t : trends) {
            cells.add(List.of(t.month(), Figures.count(t.disbursedCount()), Figures.money(t.disbursedAmount(), locale)));
            categories.add(t.month());
            amounts.add(Figures.chartMoney(t.disbursedAmount(), locale));
            counts.add(BigDecimal.valueOf(t.disbursedCount()));
        }
        Table table = new Table(List.of(m("bureau.col.month", locale), m("bureau.col.disbursedCount", locale),
                m("bureau.col.disbursedAmount", locale, unit(locale))), cells);
        sections.add(new Section("trends", m("bureau.section.trends", locale), "", table, csv("trends")));
        Map<String, Object> chart = chart("trend", unit(locale), categories, List.of(
                series(m("bureau.series.disbursedAmount", locale), amounts, null),
                series(m("bureau.series.disbursedCount", locale), counts, null)));
        charts.put("trends", chart);
    }

    // ------------------------------------------------------------------------------------------------ risk

    /** The risk section's data for {@code /bureau/risk.json}: the seeded simulation of the caller's live book. */
    public Map<String, Object> risk(Caller caller, Locale locale) {
        PortfolioRiskView r = risk.risk(caller.bankScope(), RiskOptions.defaults());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("loans", r.loans());
        out.put("unit", unit(locale));
        out.put("summary", m("bureau.risk.summary", locale, Figures.count(r.loans()), Figures.count(r.scenarios()),
                String.format(Locale.ROOT, "%.2f", r.correlation()), Figures.count(r.elapsedMs())));
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(m("bureau.risk.el", locale), Figures.money(r.expectedLoss(), locale)));
        List<Map<String, Object>> marks = new ArrayList<>();
        marks.add(mark(m("bureau.risk.elShort", locale), r.expectedLoss(), locale));
        for (String level : List.of("0.99", "0.999")) {
            String pct = level.equals("0.99") ? "99%" : "99.9%";
            BigDecimal var = r.lossQuantiles().get(level);
            BigDecimal es = r.expectedShortfall().get(level);
            rows.add(List.of(m("bureau.risk.var", locale, pct), Figures.money(var, locale)));
            rows.add(List.of(m("bureau.risk.es", locale, pct), Figures.money(es, locale)));
            marks.add(mark("VaR " + pct, var, locale));
            marks.add(mark("ES " + pct, es, locale));
        }
        out.put("table", new Table(List.of(m("bureau.risk.measure", locale),
                m("bureau.col.amount", locale, unit(locale))), rows));
        List<List<String>> stress = new ArrayList<>();
        for (PortfolioRiskView.StressResult st : r.stress()) {
            stress.add(List.of(locale.equals(BureauPages.EN) ? st.descriptionEn() : st.descriptionZh(),
                    Figures.money(st.expectedLoss(), locale), Figures.money(st.lossQuantiles().get("0.999"), locale),
                    Figures.money(st.expectedShortfall().get("0.999"), locale)));
        }
        out.put("stress", new Table(List.of(m("bureau.risk.scenario", locale),
                m("bureau.col.expectedLoss", locale, unit(locale)), m("bureau.risk.var999", locale, unit(locale)),
                m("bureau.risk.es999", locale, unit(locale))), stress));
        List<List<BigDecimal>> bins = new ArrayList<>();
        for (PortfolioRiskView.Bin b : r.histogram()) {
            bins.add(List.of(Figures.chartMoney(b.from(), locale), Figures.chartMoney(b.to(), locale),
                    BigDecimal.valueOf(b.count())));
        }
        out.put("histogram", bins);
        out.put("marks", marks);
        out.put("xName", m("bureau.risk.loss", locale, unit(locale)));
        out.put("yName", m("bureau.risk.scenarios", locale));
        return out;
    }

    private static Map<String, Object> mark(String name, BigDecimal yuan, Locale locale) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("name", name);
        m.put("value", Figures.chartMoney(yuan, locale));
        return m;
    }

    // ------------------------------------------------------------------------------------------------- CSV

    /** The dashboard's own tables (npl, alerts, risk) as CSV, in the format of the portfolio's exports. */
    /** Every table of the page and its headline figures as one XLSX file, in the page's language and units. */
    public PortfolioCsv.Export workbook(Caller caller, Locale locale) {
        View view = view(caller, locale);
        byte[] bytes = DashboardWorkbook.write(view, m("bureau.title", locale), m("bureau.asOf", locale, view.asOf()),
                m("bureau.xlsx.overview", locale), locale);
        return new PortfolioCsv.Export("ipledge-dashboard-" + view.asOf() + ".xlsx", bytes);
    }

    public Optional<PortfolioCsv.Export> ownCsv(Caller caller, String table) {
        List<List<?>> rows = new ArrayList<>();
        String asOf;
        switch (table) {
            case "npl" -> {
                NplReport npl = nplRatios.npl(caller);
                asOf = npl.asOf().toString();
                rows.add(List.of("bankCode", "bankId", "totalOutstanding", "nonPerformingOutstanding", "ipNplRatio",
                        "overallNplRatio", "tolerance", "limit", "breached"));
                npl.banks().forEach(v -> rows.add(java.util.Arrays.asList(v.bankCode(), v.bankId(),
                        v.totalOutstanding(), v.nonPerformingOutstanding(), v.ipNplRatio(), v.overallNplRatio(),
                        v.tolerance(), v.limit(), v.breached())));
            }
            case "alerts" -> {
                PortfolioSummary s = portfolio.summary(caller.bankScope());
                asOf = s.asOf().toString();
                rows.add(List.of("severity", "openAlerts"));
                for (int i = Severity.values().length - 1; i >= 0; i--) {
                    String sev = Severity.values()[i].name();
                    rows.add(List.of(sev, s.alerts().openBySeverity().getOrDefault(sev, 0L)));
                }
            }
            case "risk" -> {
                PortfolioRiskView r = risk.risk(caller.bankScope(), RiskOptions.defaults());
                asOf = r.asOf().toString();
                rows.add(List.of("measure", "confidence", "amount"));
                rows.add(java.util.Arrays.asList("expectedLoss", null, r.expectedLoss()));
                r.lossQuantiles().forEach((level, v) -> rows.add(List.of("valueAtRisk", level, v)));
                r.expectedShortfall().forEach((level, v) -> rows.add(List.of("expectedShortfall", level, v)));
            }
            default -> {
                return Optional.empty();
            }
        }
        Csv.Writer csv = Csv.Writer.formulaSafe();
        rows.forEach(csv::row);
        return Optional.of(new PortfolioCsv.Export("portfolio-" + table + "-" + asOf + ".csv", csv.utf8WithBom()));
    }

    // ---------------------------------------------------------------------------------------------- helpers

    private static String csv(String table) {
        return "/bureau/export/" + table + ".csv";
    }

    private static Map<String, Object> chart(String type, String unit, List<String> categories,
                                             List<Map<String, Object>> series) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("type", type);
        c.put("unit", unit);
        c.put("categories", categories);
        c.put("series", series);
        return c;
    }

    private static Map<String, Object> series(String name, List<BigDecimal> data, String stack) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("name", name);
        s.put("data", data);
        if (stack != null) {
            s.put("stack", stack);
        }
        return s;
    }

    private static String label(ExposureRow r, Locale locale) {
        String n = locale.equals(BureauPages.EN) ? r.nameEn() : r.nameZh();
        return n == null ? r.key() : n;
    }

    private String unit(Locale locale) {
        return m("bureau.unit", locale);
    }

    private String m(String key, Locale locale, Object... args) {
        return pages.message(key, locale, args);
    }
}
