package com.ipledge.service.portfolio;

import static com.ipledge.service.portfolio.Amounts.money;
import static com.ipledge.service.portfolio.Amounts.ratio;

import com.ipledge.risk.portfolio.Concentration;
import com.ipledge.service.portfolio.PortfolioBook.BookLoan;
import com.ipledge.service.portfolio.PortfolioBook.IpPart;
import com.ipledge.service.portfolio.PortfolioSummary.ExposureRow;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/** The book sliced by bank, industry section, eco-industry, region and IP type, with each slicing's HHI. */
record BookSlices(List<ExposureRow> byBank, List<ExposureRow> byIndustry, List<ExposureRow> byEcoIndustry,
                  List<ExposureRow> byRegion, List<ExposureRow> byIpType, Map<String, Double> herfindahl) {

    /** Sums of one level of a slicing. */
    private static final class Level {
        final String key;
        UUID id;
        String name;
        long loans;
        BigDecimal exposure = BigDecimal.ZERO;
        BigDecimal expectedLoss = BigDecimal.ZERO;
        long defaultedLoans;
        BigDecimal defaultedExposure = BigDecimal.ZERO;

        Level(String key) {
            this.key = key;
        }

        void add(BookLoan l, BigDecimal amount) {
            if (l.live()) {
                loans++;
                exposure = exposure.add(amount);
                expectedLoss = expectedLoss.add(l.expectedLoss(amount));
            } else {
                defaultedLoans++;
                defaultedExposure = defaultedExposure.add(amount);
            }
        }
    }

    static BookSlices of(List<BookLoan> book) {
        Map<String, Level> banks = new LinkedHashMap<>();
        Map<String, Level> sections = new LinkedHashMap<>();
        Map<String, Level> ecos = new LinkedHashMap<>();
        Map<String, Level> regions = new LinkedHashMap<>();
        Map<String, Level> ipTypes = new LinkedHashMap<>();
        for (BookLoan l : book) {
            Level bank = banks.computeIfAbsent(l.row().bankCode(), Level::new);
            bank.id = l.row().bankId();
            bank.name = l.row().bankName();
            bank.add(l, l.outstanding());
            sections.computeIfAbsent(l.section(), Level::new).add(l, l.outstanding());
            ecos.computeIfAbsent(l.ecoIndustry(), Level::new).add(l, l.outstanding());
            String region = l.row().regionCode() == null ? PortfolioLabels.UNSPECIFIED : l.row().regionCode();
            regions.computeIfAbsent(region, Level::new).add(l, l.outstanding());
            for (IpPart p : l.ipParts()) {
                ipTypes.computeIfAbsent(p.ipType(), Level::new).add(l, p.amount());
            }
        }
        BigDecimal total = book.stream().filter(BookLoan::live).map(BookLoan::outstanding)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        Map<String, Double> hhi = new LinkedHashMap<>();
        hhi.put("bank", herfindahl(banks));
        hhi.put("industry", herfindahl(sections));
        hhi.put("ecoIndustry", herfindahl(ecos));
        hhi.put("region", herfindahl(regions));
        hhi.put("ipType", herfindahl(ipTypes));
        return new BookSlices(
                rows(banks, total, k -> new PortfolioLabels.Label(banks.get(k).name, null), k -> null),
                rows(sections, total, PortfolioLabels::sectionLabel, k -> null),
                rows(ecos, total, PortfolioLabels::ecoIndustryLabel, k -> null),
                rows(regions, total, PortfolioLabels::regionLabel,
                        k -> PortfolioLabels.gansuPrefecture(k).orElse(null)),
                rows(ipTypes, total, PortfolioLabels::ipTypeLabel, k -> null),
                hhi);
    }

    private static double herfindahl(Map<String, Level> levels) {
        return Concentration.herfindahl(levels.values().stream().map(l -> l.exposure).toList());
    }

    private static List<ExposureRow> rows(Map<String, Level> levels, BigDecimal total,
                                          Function<String, PortfolioLabels.Label> label,
                                          Function<String, String> prefecture) {
        return levels.values().stream()
                .sorted(Comparator.comparing((Level l) -> l.exposure).reversed()
                        .thenComparing(l -> l.defaultedExposure, Comparator.reverseOrder())
                        .thenComparing(l -> l.key))
                .map(l -> {
                    PortfolioLabels.Label name = label.apply(l.key);
                    return new ExposureRow(l.key, l.id, name == null ? null : name.zh(),
                            name == null ? null : name.en(), prefecture.apply(l.key), l.loans, money(l.exposure),
                            ratio(l.exposure, total), money(l.expectedLoss), l.defaultedLoans,
                            money(l.defaultedExposure));
                })
                .toList();
    }
}
