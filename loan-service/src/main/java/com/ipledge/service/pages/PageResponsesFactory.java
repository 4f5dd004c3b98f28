package com.ipledge.service.pages;

import io.micronaut.context.MessageSource;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import org.thymeleaf.TemplateEngine;

/**
 * The two families of pages: the SME form, whose one script ({@code /apply/apply.js}) only enhances a page that works
 * without it, so its Content-Security-Policy adds {@code script-src 'self'}; and the bureau's dashboard, which needs
 * its own script ({@code /bureau/bureau.js}, ECharts) and fetches, so its policy adds {@code script-src 'self'} and
 * {@code connect-src 'self'}. Neither allows inline script or inline style.
 */
@Factory
public class PageResponsesFactory {
    public static final String APPLY = "apply";
    public static final String BUREAU = "bureau";
    static final String APPLY_CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
    static final String BUREAU_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    @Singleton
    @Named(APPLY)
    PageResponses applyForm(TemplateEngine engine, MessageSource messages) {
        return new PageResponses(engine, messages, APPLY_CSP, "apply/problem");
    }

    @Singleton
    @Named(BUREAU)
    PageResponses bureauPages(TemplateEngine engine, MessageSource messages) {
        return new PageResponses(engine, messages, BUREAU_CSP, "bureau/problem");
    }
}
