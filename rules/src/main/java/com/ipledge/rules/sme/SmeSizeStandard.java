package com.ipledge.rules.sme;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The MIIT 2011 enterprise size standard (工信部联企业〔2011〕300号) for every industry, read from data files so that
 * the table is reviewable line by line against the published one. Thresholds are lower bounds per class; a firm
 * must meet all bounds of a class to belong to it (NBS 2017 method), otherwise it drops one class.
 */
public final class SmeSizeStandard {
    private static final BigDecimal WAN = BigDecimal.valueOf(10_000);

    /** Lower bounds of one class in one sector; null = the indicator is not used. */
    public record Threshold(String sector, SizeClass sizeClass, Integer minEmployees, BigDecimal minRevenueYuan,
                            BigDecimal minAssetsYuan) {
        boolean isMetBy(long employees, BigDecimal revenueYuan, BigDecimal assetsYuan) {
            return (minEmployees == null || employees >= minEmployees)
                    && (minRevenueYuan == null || revenueYuan.compareTo(minRevenueYuan) >= 0)
                    && (minAssetsYuan == null || assetsYuan.compareTo(minAssetsYuan) >= 0);
        }
    }

    private final Map<String, Map<SizeClass, Threshold>> thresholds;
    private final List<Map.Entry<String, String>> sectorByPrefix;

    private SmeSizeStandard(Map<String, Map<SizeClass, Threshold>> thresholds,
                            List<Map.Entry<String, String>> sectorByPrefix) {
        this.thresholds = thresholds;
        this.sectorByPrefix = sectorByPrefix;
    }

    /** The standard as shipped in this module's resources. */
    public static SmeSizeStandard miit2011() {
        Map<String, Map<SizeClass, Threshold>> thresholds = new LinkedHashMap<>();
        for (String[] row : csv("size-thresholds.csv")) {
            Threshold t = new Threshold(row[0], SizeClass.valueOf(row[1]), integer(row[2]), wan(row[3]), wan(row[4]));
            thresholds.computeIfAbsent(t.sector(), s -> new EnumMap<>(SizeClass.class)).put(t.sizeClass(), t);
        }
        List<Map.Entry<String, String>> prefixes = new ArrayList<>();
        for (String[] row : csv("industry-sectors.csv")) {
            if (!thresholds.containsKey(row[1])) {
                throw new IllegalStateException("industry-sectors.csv names unknown sector " + row[1]);
            }
            prefixes.add(Map.entry(row[0], row[1]));
        }
        prefixes.sort(Comparator.comparingInt((Map.Entry<String, String> e) -> e.getKey().length()).reversed());
        return new SmeSizeStandard(thresholds, List.copyOf(prefixes));
    }

    /** The size-standard sector of a GB/T 4754 code, {@code OTHER} where the standard lists none. */
    public String sectorOf(IndustryCode code) {
        for (Map.Entry<String, String> e : sectorByPrefix) {
            if (code.value().startsWith(e.getKey())) {
                return e.getValue();
            }
        }
        return "OTHER";
    }

    public SizeClass classify(IndustryCode code, long employees, BigDecimal operatingRevenueYuan,
                              BigDecimal totalAssetsYuan) {
        Map<SizeClass, Threshold> bySize = thresholds.get(sectorOf(code));
        for (SizeClass size : List.of(SizeClass.LARGE, SizeClass.MEDIUM, SizeClass.SMALL)) {
            if (bySize.get(size).isMetBy(employees, operatingRevenueYuan, totalAssetsYuan)) {
                return size;
            }
        }
        return SizeClass.MICRO;
    }

    public Threshold threshold(String sector, SizeClass size) {
        return thresholds.get(sector).get(size);
    }

    private static Integer integer(String s) {
        return s.isBlank() ? null : Integer.valueOf(s.trim());
    }

    private static BigDecimal wan(String s) {
        return s.isBlank() ? null : new BigDecimal(s.trim()).multiply(WAN);
    }

    private static List<String[]> csv(String name) {
        try (InputStream in = SmeSizeStandard.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            for (String line; (line = reader.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    rows.add(line.split(",", -1));
                }
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
