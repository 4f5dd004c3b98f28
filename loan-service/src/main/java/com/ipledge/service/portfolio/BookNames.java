package com.ipledge.service.portfolio;

import java.util.List;

/** The names of the levels the book is grouped by (Chinese, English), for pages outside this package. */
public final class BookNames {
    /** The IP types in the order the dashboard lists them. */
    public static final List<String> IP_TYPES = List.of("INVENTION_PATENT", "UTILITY_MODEL", "DESIGN_PATENT",
            "TRADEMARK", "GEOGRAPHICAL_INDICATION", "COPYRIGHT", "SOFTWARE_COPYRIGHT", "DATA_IP");
    /** The GB/T 4754 sections A to T. */
    public static final List<String> SECTIONS = List.of("A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K", "L",
            "M", "N", "O", "P", "Q", "R", "S", "T");
    /** Gansu's fourteen prefecture-level divisions. */
    public static final List<String> GANSU_PREFECTURES = List.of("620100", "620200", "620300", "620400", "620500",
            "620600", "620700", "620800", "620900", "621000", "621100", "621200", "622900", "623000");

    /** A name in both languages. */
    public record Name(String zh, String en) {
        public String in(boolean english) {
            return english ? en : zh;
        }
    }

    private BookNames() {
    }

    public static Name section(String section) {
        return of(PortfolioLabels.sectionLabel(section));
    }

    public static Name ipType(String ipType) {
        return of(PortfolioLabels.UNSPECIFIED.equals(ipType) ? PortfolioLabels.sectionLabel(ipType)
                : PortfolioLabels.ipTypeLabel(ipType));
    }

    public static Name ecoIndustry(String ecoIndustry) {
        return of(PortfolioLabels.ecoIndustryLabel(ecoIndustry));
    }

    /** A region level's name: the Gansu prefecture's, else the code itself ("未指定" when there is none). */
    public static Name region(String regionKey) {
        if (regionKey == null || PortfolioLabels.UNSPECIFIED.equals(regionKey)) {
            return of(PortfolioLabels.sectionLabel(PortfolioLabels.UNSPECIFIED));
        }
        PortfolioLabels.Label label = PortfolioLabels.regionLabel(regionKey);
        return label == null ? new Name(regionKey, regionKey) : new Name(label.zh(), label.en());
    }

    private static Name of(PortfolioLabels.Label label) {
        return new Name(label.zh(), label.en());
    }
}
