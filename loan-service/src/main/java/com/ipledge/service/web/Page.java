package com.ipledge.service.web;

import io.micronaut.core.annotation.Introspected;
import java.util.List;

/** One page of a list; {@code page} counts from 0. */
@Introspected
public record Page<T>(List<T> items, int page, int size, long total) {
    public static final int MAX_SIZE = 100;

    /** Checks the paging parameters a client sent. */
    public static void check(int page, int size) {
        FieldErrors errors = new FieldErrors();
        if (page < 0 || page > 1_000_000) {
            errors.add("page", "must be between 0 and 1000000");
        }
        if (size < 1 || size > MAX_SIZE) {
            errors.add("size", "must be between 1 and " + MAX_SIZE);
        }
        errors.throwIfAny();
    }
}
