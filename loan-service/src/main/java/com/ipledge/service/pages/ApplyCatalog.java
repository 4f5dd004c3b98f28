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
import java.util.List;
import java.util.Locale;

/**
 * The suggestion lists of the form, read from resource files: common GB/T 4754-2017 industry codes and the
 * province's prefecture-level divisions (GB/T 2260), each with a Chinese and an English name.
 */
@Singleton
class ApplyCatalog {
    static final String INDUSTRIES = "classpath:views/apply/industries.tsv";
    static final String REGIONS = "classpath:views/apply/regions.tsv";

    /** One suggestion: the code the form submits and its names. */
    record Entry(String code, String nameZh, String nameEn) {
        public String name(Locale locale) {
            return locale.equals(PageLocales.EN) ? nameEn : nameZh;
        }
    }

    private final List<Entry> industries;
    private final List<Entry> regions;

    ApplyCatalog(ResourceResolver resources) {
        this.industries = read(resources, INDUSTRIES);
        this.regions = read(resources, REGIONS);
    }

    List<Entry> industries() {
        return industries;
    }

    List<Entry> regions() {
        return regions;
    }

    private static List<Entry> read(ResourceResolver resources, String path) {
        try (InputStream in = resources.getResourceAsStream(path)
                .orElseThrow(() -> new IllegalStateException("missing resource " + path));
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            List<Entry> entries = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                if (cells.length != 3) {
                    throw new IllegalStateException(path + ": expected code, Chinese and English name: " + line);
                }
                entries.add(new Entry(cells[0].strip(), cells[1].strip(), cells[2].strip()));
            }
            return List.copyOf(entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
