package com.ipledge.service.portfolio;

import io.micronaut.core.annotation.Nullable;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A narrowing of the book the dashboard's figures, drill-downs, trends and exports share; every part is optional
 * (null: no narrowing).
 *
 * <ul>
 *   <li>{@code bankId}: one bank's loans (within the caller's scope: a bank's staff naming another bank get an
 *       empty book).</li>
 *   <li>{@code from} / {@code to}: loans disbursed on those days or between them (inclusive).</li>
 *   <li>{@code section}: the borrower's GB/T 4754 section letter, or UNSPECIFIED.</li>
 *   <li>{@code region}: a region code; a Gansu prefecture (6201 00) or a province (62 0000) covers the codes in
 *       it, any other code only itself ({@link #regionKey}); UNSPECIFIED: no region on file.</li>
 *   <li>{@code ipType}: loans with a pledged asset of that type; every amount then counts only the part of the
 *       loan's balance attributed to that type (pro rata to collateral value, as {@code byIpType} splits it).</li>
 *   <li>{@code ecoIndustry}: the borrower's ecological industry, or UNSPECIFIED.</li>
 *   <li>{@code nonPerformingOnly}: loans classified substandard or worse.</li>
 * </ul>
 */
public record BookFilter(@Nullable UUID bankId, @Nullable LocalDate from, @Nullable LocalDate to,
                         @Nullable String section, @Nullable String region, @Nullable String ipType,
                         @Nullable String ecoIndustry, boolean nonPerformingOnly) {
    public static final String UNSPECIFIED = PortfolioLabels.UNSPECIFIED;
    public static final BookFilter NONE = new BookFilter(null, null, null, null, null, null, null, false);

    /** The level a region code is shown under: its Gansu prefecture, else its province, else UNSPECIFIED. */
    public static String regionKey(@Nullable String regionCode) {
        if (regionCode == null || !regionCode.matches("\\d{6}")) {
            return UNSPECIFIED;
        }
        return PortfolioLabels.gansuPrefecture(regionCode).orElse(regionCode.substring(0, 2) + "0000");
    }

    boolean admitsBank(UUID bank) {
        return bankId == null || bankId.equals(bank);
    }

    boolean admitsDisbursement(@Nullable LocalDate disbursedOn) {
        if (from == null && to == null) {
            return true;
        }
        return disbursedOn != null && (from == null || !disbursedOn.isBefore(from))
                && (to == null || !disbursedOn.isAfter(to));
    }

    boolean admitsSection(String loanSection) {
        return section == null || section.equals(loanSection);
    }

    boolean admitsEcoIndustry(String loanEcoIndustry) {
        return ecoIndustry == null || ecoIndustry.equals(loanEcoIndustry);
    }

    boolean admitsRegion(@Nullable String regionCode) {
        if (region == null) {
            return true;
        }
        String key = regionKey(regionCode);
        if (region.equals(UNSPECIFIED) || key.equals(UNSPECIFIED)) {
            return region.equals(key);
        }
        if (region.endsWith("0000")) {
            return regionCode.startsWith(region.substring(0, 2));
        }
        if (region.endsWith("00")) {
            return regionCode.startsWith(region.substring(0, 4));
        }
        return region.equals(regionCode);
    }
}
