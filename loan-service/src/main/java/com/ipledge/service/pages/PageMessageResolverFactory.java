package com.ipledge.service.pages;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.views.thymeleaf.MessageSourceMessageResolver;
import jakarta.inject.Singleton;
import java.util.Optional;

/**
 * Thymeleaf's {@code #{key}} through the bundles, interpolated once. Micronaut Views' resolver interpolates the
 * message the source has already interpolated, so a doubled apostrophe ("bank''s"), which the first pass makes
 * one, is then taken for a quote and dropped ("banks").
 */
@Factory
class PageMessageResolverFactory {
    @Singleton
    @Replaces(MessageSourceMessageResolver.class)
    MessageSourceMessageResolver pageMessageResolver(MessageSource messages) {
        return resolverFor(messages);
    }

    static MessageSourceMessageResolver resolverFor(MessageSource messages) {
        return new MessageSourceMessageResolver(new InterpolatedOnce(messages));
    }

    /** The source's finished message as the raw one, and no second interpolation. */
    private record InterpolatedOnce(MessageSource source) implements MessageSource {
        @Override
        public Optional<String> getRawMessage(String code, MessageContext context) {
            return source.getMessage(code, context);
        }

        @Override
        public String interpolate(String template, MessageContext context) {
            return template;
        }
    }
}
