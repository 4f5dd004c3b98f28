package com.ipledge.service.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.application.ApplicationStatus;
import com.ipledge.service.ipasset.IpType;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The bundles agree, and every field message the services write has a key of its own. */
class PageMessagesTest {
    private static Properties bundle(String name) {
        try (InputStream in = PageMessagesTest.class.getResourceAsStream("/i18n/" + name)) {
            Properties p = new Properties();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void bothLanguagesHaveTheSameKeysAndCoverEveryStatusAndType() {
        Properties zh = bundle("messages_zh_CN.properties");
        Properties en = bundle("messages_en.properties");
        assertEquals(new TreeSet<>(zh.stringPropertyNames()), new TreeSet<>(en.stringPropertyNames()));
        for (ApplicationStatus s : ApplicationStatus.values()) {
            assertTrue(zh.containsKey("applicationStatus." + s), s.name());
        }
        for (IpType t : IpType.values()) {
            assertTrue(zh.containsKey("ipType." + t), t.name());
        }
        assertEquals("已提交", zh.getProperty("applicationStatus.SUBMITTED"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "is required|error.required|",
        "check character should be 'X', not '0'|error.checkCharacter|X",
        "check character should be 3, not 4|error.checkCharacter|3",
        "character 3 ('I') is not allowed; use 0-9 and upper-case letters except I, O, S, V, Z"
                + "|error.creditCode.character|3",
        "type digit 1 denotes INVENTION, but type is UTILITY_MODEL|error.patent.typeMismatch|1",
        "type digit 5 is not 1, 2, 3, 8 or 9|error.patent.typeDigit|5",
        "is in 2018 but the application number says 2017|error.filingDate.year|2018",
        "is before 1980, older than any right still in force|error.tooEarly|1980",
        "is before the filing date|error.beforeFiling|",
        "must be between 0 and 10000000|error.range|0",
        "must be at most 1000000000 yuan|error.maxAmount|1000000000",
        "Nice classes run from 1 to 45; 46 is not one|error.nice.range|46",
        "division 39 is not in section A (divisions 01-05)|error.industry.division|39",
        "province part 99 is not a province-level division|error.region.province|99",
        "at least one pledged asset is required|error.assets.required|"})
    void serviceMessagesMapToTheirOwnKeys(String message, String key, String firstArg) {
        FormError e = ServiceMessages.translate("f", message);
        assertEquals(key, e.key());
        if (firstArg != null) {
            assertEquals(firstArg, e.args().get(0));
        }
        Properties zh = bundle("messages_zh_CN.properties");
        assertTrue(zh.containsKey(key), key);
    }

    @Test
    void anUnknownMessageIsStillShown() {
        FormError e = ServiceMessages.translate("f", "something new");
        assertEquals("error.other", e.key());
        assertEquals(List.of("something new"), e.args());
    }

    @Test
    void theLanguageFollowsTheChoiceThenTheBrowserThenChinese() {
        assertEquals(PageLocales.ZH, PageLocales.fromAcceptLanguage(null));
        assertEquals(PageLocales.ZH, PageLocales.fromAcceptLanguage("fr-FR,de;q=0.5"));
        assertEquals(PageLocales.EN, PageLocales.fromAcceptLanguage("fr-FR,en-US;q=0.7,zh;q=0.5"));
        assertEquals(PageLocales.ZH, PageLocales.fromAcceptLanguage("zh-TW,en;q=0.5"));
        assertEquals(PageLocales.ZH, PageLocales.fromAcceptLanguage("not a header ;;;"));
    }

    @Test
    void theRegionTableHoldsEveryDemoPrefecture() throws ReflectiveOperationException {
        // DemoProvince keeps its list package-private; the form's resource file must name its divisions
        var field = Class.forName("com.ipledge.service.demo.DemoProvince").getDeclaredField("REGIONS");
        field.setAccessible(true);
        Set<String> demo = new TreeSet<>();
        for (String[] r : (String[][]) field.get(null)) {
            demo.add(r[0]);
        }
        Set<String> form = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/views/apply/regions.tsv")) {
            new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.startsWith("#") && !l.isBlank())
                    .forEach(l -> form.add(l.split("\t")[0]));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // the table is the country's (issue 20): every prefecture the demo lends in is one of its divisions
        assertTrue(form.containsAll(demo), "missing: " + demo.stream().filter(c -> !form.contains(c)).toList());
        assertTrue(form.contains("620123"), "county-level divisions too (榆中县)");
    }

    @Test
    void tokensAreLongRandomAndDerivedOneWay() {
        String form = StatusTokens.newFormToken();
        assertNotEquals(form, StatusTokens.newFormToken());
        assertTrue(StatusTokens.wellFormed(form));
        String status = StatusTokens.statusToken(form);
        assertTrue(StatusTokens.wellFormed(status), "256 bits in base64url");
        assertNotEquals(form, status);
        assertEquals(status, StatusTokens.statusToken(form), "a replay leads to the same page");
        assertEquals(64, StatusTokens.hash(status).length());
        assertEquals(StatusTokens.idempotencyKey(form), StatusTokens.idempotencyKey(form));
        assertEquals(Locale.ENGLISH, PageLocales.EN);
    }
}
