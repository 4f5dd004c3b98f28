package com.ipledge.service.bureau;

import com.ipledge.service.bureau.Dashboard.Section;
import com.ipledge.service.bureau.Dashboard.Table;
import com.ipledge.service.portfolio.BookNames;
import com.ipledge.service.portfolio.PortfolioRiskView;
import com.ipledge.service.portfolio.PortfolioSelection;
import com.ipledge.service.portfolio.RiskOptions;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The dashboard's risk section: a seeded Monte Carlo run of the filtered live book (EL, VaR and ES, the loss
 * histogram, the stress scenarios), for the page's script and for the exports.
 */
@Singleton
class DashboardRisk {
    private final PortfolioSelection selection;
    private final BureauPages pages;

    DashboardRisk(PortfolioSelection selection, BureauPages pages) {
        this.selection = selection;
        this.pages = pages;
    }

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

    /** The run's two tables (measures, stress scenarios) as sections, for the exports. */
    List<Section> sections(Caller caller, Locale locale, DashboardFilter filter) {
        PortfolioRiskView r = selection.risk(caller.bankScope(), filter.book(), RiskOptions.defaults());
        Table risk = riskTable(r, locale);
        Table stress = stressTable(r, locale, locale.equals(BureauPages.EN));
        return List.of(new Section("risk", m("bureau.section.risk", locale), "", risk, nulls(risk), falses(risk)),
                new Section("stress", m("bureau.risk.stress", locale), "", stress, nulls(stress), falses(stress)));
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

    private static List<String> nulls(Table t) {
        return t.rows().stream().map(r -> (String) null).toList();
    }

    private static List<Boolean> falses(Table t) {
        return t.rows().stream().map(r -> false).toList();
    }

    private String unit(Locale locale) {
        return m("bureau.unit", locale);
    }

    private String m(String key, Locale locale, Object... args) {
        return pages.message(key, locale, args);
    }
}
