package com.ipledge.service.bureau;

import com.ipledge.service.bureau.Dashboard.Section;
import com.ipledge.service.bureau.Dashboard.View;
import com.ipledge.service.csv.Csv;
import com.ipledge.service.security.Caller;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The dashboard's tables as files: one table as CSV, any of them as an XLSX workbook, each with the data's date and
 * time and the filters on top, the screen's headings, units and formatting.
 */
@Singleton
public class DashboardExports {
    private final DashboardRisk risk;
    private final BureauPages pages;

    public DashboardExports(DashboardRisk risk, BureauPages pages) {
        this.risk = risk;
        this.pages = pages;
    }

    /** The page's tables (and the risk run's) with their titles, for the exports: the screen, cell for cell. */
    public List<Section> exportSections(Caller caller, Locale locale, DashboardFilter filter, View view,
                                        boolean withRisk) {
        List<Section> all = new ArrayList<>(view.sections());
        if (withRisk) {
            all.addAll(risk.sections(caller, locale, filter));
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

    private String m(String key, Locale locale, Object... args) {
        return pages.message(key, locale, args);
    }
}
