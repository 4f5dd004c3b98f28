package com.ipledge.service.bureau;

import static com.ipledge.service.bureau.Charts.chart;
import static com.ipledge.service.bureau.Charts.series;

import com.ipledge.service.bureau.Dashboard.Section;
import com.ipledge.service.bureau.Dashboard.Table;
import com.ipledge.service.portfolio.PortfolioSelection;
import com.ipledge.service.portfolio.PortfolioSelection.MonthPoint;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's monthly trends of the filtered book: disbursements, balance, NPL ratio and alerts at each month's
 * end (the current month as far as today, marked partial), from the filter's start or the last twelve months. A
 * month opens the loans disbursed in it that are still on the book ({@code /bureau/loans?...&month=YYYY-MM}).
 */
@Singleton
class MonthlyTrends {
    private final PortfolioSelection selection;
    private final BureauPages pages;

    MonthlyTrends(PortfolioSelection selection, BureauPages pages) {
        this.selection = selection;
        this.pages = pages;
    }

    void add(List<Section> sections, Map<String, Object> charts, Caller caller, DashboardFilter filter,
             Locale locale) {
        var today = selection.today();
        var last = filter.book().to() == null || filter.book().to().isAfter(today) ? today : filter.book().to();
        YearMonth first = filter.book().from() != null ? YearMonth.from(filter.book().from())
                : YearMonth.from(last).minusMonths(11);
        List<MonthPoint> points = selection.trends(caller.bankScope(), filter.book(), first, last);
        List<List<String>> cells = new ArrayList<>();
        List<String> links = new ArrayList<>();
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
            links.add("/bureau/loans" + filter.query("month", p.month().toString()));
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
                table, links, cells.stream().map(c -> false).toList()));
        Map<String, Object> chart = chart("trend", categories, List.of(
                series(m("bureau.series.monthBalance", locale), balance, 0, "bar"),
                series(m("bureau.series.nplRatio", locale), npl, 1, "line"),
                series(m("bureau.series.alertsOpen", locale), open, 2, "line"),
                series(m("bureau.series.alertsRaised", locale), raised, 2, "line")), links);
        chart.put("axes", List.of(m("bureau.axis.balance", locale, unit(locale)), m("bureau.axis.ratio", locale),
                m("bureau.axis.alerts", locale)));
        chart.put("units", List.of(unit(locale), "%", m("bureau.unit.alerts", locale)));
        chart.put("integerAxes", List.of(2));
        charts.put("trends", chart);
    }

    private String unit(Locale locale) {
        return m("bureau.unit", locale);
    }

    private String m(String key, Locale locale, Object... args) {
        return pages.message(key, locale, args);
    }
}
