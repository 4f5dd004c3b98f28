package com.ipledge.service.pages;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import jakarta.inject.Named;

/**
 * Refuses a form body larger than {@code ipledge.pages.max-form-bytes} (64 KiB by default: five asset rows of
 * text need a few) before it is read, and one without a declared length: browsers always declare it.
 */
@ServerFilter("/apply")
class FormSizeLimit {
    private final long limit;
    private final PageResponses pages;

    FormSizeLimit(FormLimits limits, @Named(PageResponsesFactory.APPLY) PageResponses pages) {
        this.limit = limits.maxFormBytes();
        this.pages = pages;
    }

    @RequestFilter
    @Nullable
    HttpResponse<?> check(HttpRequest<?> request) {
        if (request.getMethod() != HttpMethod.POST) {
            return null;
        }
        long length = request.getContentLength();
        if (length < 0) {
            return pages.problem(HttpStatus.LENGTH_REQUIRED, PageLocales.resolve(request, null), "problem.length");
        }
        if (length > limit) {
            return pages.problem(HttpStatus.REQUEST_ENTITY_TOO_LARGE, PageLocales.resolve(request, null),
                    "problem.tooLarge");
        }
        return null;
    }
}
