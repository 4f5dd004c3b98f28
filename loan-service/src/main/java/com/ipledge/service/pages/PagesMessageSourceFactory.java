package com.ipledge.service.pages;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.i18n.ResourceBundleMessageSource;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

/**
 * The pages' message bundles ({@code i18n/messages_zh_CN.properties}, {@code i18n/messages_en.properties}, UTF-8).
 * Micronaut's composite MessageSource picks this up, so Thymeleaf's {@code #{key}} and the form's error messages
 * read from the same bundles.
 */
@Factory
class PagesMessageSourceFactory {
    static final String BUNDLE = "i18n.messages";

    @Singleton
    @Named("pages")
    ResourceBundleMessageSource pagesMessages() {
        return new ResourceBundleMessageSource(BUNDLE);
    }
}
