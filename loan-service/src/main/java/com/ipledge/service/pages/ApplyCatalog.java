package com.ipledge.service.pages;

import io.micronaut.core.io.ResourceResolver;
import jakarta.inject.Singleton;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form's pickers, read from resource files: the GB/T 4754-2017 industry table and the GB/T 2260 divisions of
 * the country, each with a Chinese and an English name. A firm may type a code, pick a suggestion ("C2730
 * 中药饮片加工") or type a name ("榆中县"); {@link #industryCode} and {@link #regionCode} turn each into the code.
 */
@Singleton
class ApplyCatalog {
    static final String INDUSTRIES = "classpath:views/apply/industries.tsv";
    static final String REGIONS = "classpath:views/apply/regions.tsv";
    /**
     * The province whose counties the region picker lists (the service's banks lend in Gansu): listing the
     * country's 3,300 divisions would weigh every render of the form; any other division is taken by code or name.
     */
    static final String SUGGESTED_PROVINCE = "62";
    private static final Pattern LEADING_INDUSTRY = Pattern.compile("([A-Za-z]\\d{0,4})(\\s+.*)?");
    private static final Pattern LEADING_REGION = Pattern.compile("(\\d{6})(\\s+.*)?");

    /** One entry: its code and its names (the English one falls back to the Chinese). */
    record Entry(String code, String nameZh, String nameEn) {
        public String name(Locale locale) {
            return locale.equals(PageLocales.EN) && !nameEn.isEmpty() ? nameEn : nameZh;
        }
    }

    private final List<Entry> industries;
    private final List<Entry> regions;
    private final Map<String, Entry> industryByCode = new HashMap<>();
    private final Map<String, Entry> regionByCode = new HashMap<>();
    private final Map<String, List<Entry>> industryByName = new HashMap<>();
    private final Map<String, List<Entry>> regionByName = new HashMap<>();

    ApplyCatalog(ResourceResolver resources) {
        this.industries = read(resources, INDUSTRIES);
        this.regions = read(resources, REGIONS);
        index(industries, industryByCode, industryByName);
        index(regions, regionByCode, regionByName);
    }

    List<Entry> industries() {
        return industries;
    }

    /** The suggested province's prefectures and county-level divisions, in code order. */
    List<Entry> suggestedRegions() {
        return regions.stream().filter(r -> r.code().startsWith(SUGGESTED_PROVINCE)
                && !r.code().equals(SUGGESTED_PROVINCE + "0000")).toList();
    }

    /** What the picker offers (and so what a chosen suggestion submits): the code, then the name. */
    static String suggestion(Entry e, Locale locale) {
        return e.code() + " " + e.name(locale);
    }

    /** The prefecture and province a division lies in, for the picker's second line ("甘肃省 兰州市"). */
    String regionContext(Entry e, Locale locale) {
        List<String> parts = new ArrayList<>();
        Optional.ofNullable(regionByCode.get(e.code().substring(0, 2) + "0000"))
                .filter(p -> !p.code().equals(e.code())).ifPresent(p -> parts.add(p.name(locale)));
        Optional.ofNullable(regionByCode.get(e.code().substring(0, 4) + "00"))
                .filter(p -> !p.code().equals(e.code())).ifPresent(p -> parts.add(p.name(locale)));
        return String.join(" ", parts);
    }

    /**
     * The industry code for what was typed: a code, with or without the name the picker puts after it, or a name
     * of the table; otherwise the text itself, for the service's check to explain.
     */
    String industryCode(String typed) {
        String s = ApplyForm.halfWidth(typed).strip();
        Matcher m = LEADING_INDUSTRY.matcher(s);
        if (m.matches()) {
            return m.group(1).toUpperCase(Locale.ROOT);
        }
        // a section and its only division share a name (房地产业 is K and K70): the division is the finer answer
        return byName(industryByName, s).map(Entry::code)
                .orElse(s.replaceAll("\\s+", "").toUpperCase(Locale.ROOT));
    }

    /** The region code for what was typed: a code (with or without its name), or a name that only one division has. */
    String regionCode(String typed) {
        String s = ApplyForm.halfWidth(typed).strip();
        Matcher m = LEADING_REGION.matcher(s);
        if (m.matches()) {
            return m.group(1);
        }
        return byName(regionByName, s).map(Entry::code).orElse(s.replaceAll("\\s+", ""));
    }

    /** The names of a code, for the printable summary; empty for a valid code the table does not list. */
    Optional<Entry> industry(String code) {
        return Optional.ofNullable(industryByCode.get(code));
    }

    Optional<Entry> region(String code) {
        return Optional.ofNullable(regionByCode.get(code));
    }

    private static Optional<Entry> byName(Map<String, List<Entry>> byName, String typed) {
        List<Entry> found = byName.getOrDefault(typed.toLowerCase(Locale.ROOT), List.of());
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Entry finest = found.stream().reduce((a, b) -> a.code().length() >= b.code().length() ? a : b).orElseThrow();
        // one name, several places (三元区, 朝阳区): no guess, the person picks the one with its code
        boolean nested = found.stream().allMatch(e -> finest.code().startsWith(e.code()));
        return nested ? Optional.of(finest) : Optional.empty();
    }

    private static void index(List<Entry> entries, Map<String, Entry> byCode, Map<String, List<Entry>> byName) {
        for (Entry e : entries) {
            byCode.put(e.code(), e);
            byName.computeIfAbsent(e.nameZh().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
            if (!e.nameEn().isEmpty() && !e.nameEn().equalsIgnoreCase(e.nameZh())) {
                byName.computeIfAbsent(e.nameEn().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(e);
            }
        }
    }

    private static List<Entry> read(ResourceResolver resources, String path) {
        try (InputStream in = resources.getResourceAsStream(path)
                .orElseThrow(() -> new IllegalStateException("missing resource " + path));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            Map<String, Entry> entries = new LinkedHashMap<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != 3 || cells[0].isBlank() || cells[1].isBlank()) {
                    throw new IllegalStateException(path + ": expected code, Chinese and English name: " + line);
                }
                entries.put(cells[0].strip(), new Entry(cells[0].strip(), cells[1].strip(), cells[2].strip()));
            }
            return List.copyOf(entries.values());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
