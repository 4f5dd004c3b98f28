package com.ipledge.service.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.micronaut.context.i18n.ResourceBundleMessageSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every message of both bundles, rendered through the service's own message source with arguments, reads as
 * written: each placeholder replaced (no "{0}" left) and each apostrophe kept (MessageFormat drops a single one and
 * treats what follows as quoted text, so the bundles write it doubled).
 */
class MessageQuotingTest {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d)}");

    @ParameterizedTest(name = "{0}")
    @CsvSource({"messages_zh_CN.properties, zh-CN", "messages_en.properties, en"})
    void everyMessageRendersAsWritten(String file, String tag) {
        Properties raw = new Properties();
        try (InputStream in = MessageQuotingTest.class.getResourceAsStream("/i18n/" + file)) {
            raw.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ResourceBundleMessageSource source = new ResourceBundleMessageSource(PagesMessageSourceFactory.BUNDLE);
        Locale locale = Locale.forLanguageTag(tag);
        Object[] args = {"«a0»", "«a1»", "«a2»", "«a3»"};
        List<String> wrong = new ArrayList<>();
        for (String key : new TreeSet<>(raw.stringPropertyNames())) {
            String text = raw.getProperty(key);
            Matcher m = PLACEHOLDER.matcher(text.replace("''", "'"));
            StringBuilder expected = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(expected, Matcher.quoteReplacement((String) args[Integer.parseInt(m.group(1))]));
            }
            m.appendTail(expected);
            String rendered = source.getMessage(key, locale, args).orElse(null);
            if (!expected.toString().equals(rendered)) {
                wrong.add(key + ": " + rendered);
            }
            // pages also ask for messages without arguments (headings, hints): the same text
            String bare = source.getMessage(key, locale).orElse(null);
            if (!PLACEHOLDER.matcher(text).find() && !expected.toString().equals(bare)) {
                wrong.add(key + " (no arguments): " + bare);
            }
        }
        assertEquals(List.of(), wrong, "messages that do not render as written in " + file);

        // and as the pages' templates render them (#{key} and #{key(args)}), through the service's resolver
        org.thymeleaf.TemplateEngine templates = new org.thymeleaf.TemplateEngine();
        templates.setMessageResolver(PageMessageResolverFactory.resolverFor(source));
        for (String key : new TreeSet<>(raw.stringPropertyNames())) {
            String text = raw.getProperty(key);
            Matcher m = PLACEHOLDER.matcher(text.replace("''", "'"));
            StringBuilder expected = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(expected, Matcher.quoteReplacement((String) args[Integer.parseInt(m.group(1))]));
            }
            m.appendTail(expected);
            String template = PLACEHOLDER.matcher(text).find()
                    ? "[(#{" + key + "('«a0»','«a1»','«a2»','«a3»')})]" : "[(#{" + key + "})]";
            String rendered = templates.process(template, new org.thymeleaf.context.Context(locale));
            if (!expected.toString().equals(rendered)) {
                wrong.add(key + " (template): " + rendered);
            }
        }
        assertEquals(List.of(), wrong, "messages that templates do not render as written in " + file);

        // a wrong check character is reported without the character that would fit: told "it should be 7", a
        // person changes one character and lands on another firm's valid code
        String check = source.getMessage("error.checkCharacter", locale, "Q", "7").orElseThrow();
        assertEquals(-1, check.indexOf('Q'), check);
        assertEquals(-1, check.indexOf('7'), check);
    }
}
