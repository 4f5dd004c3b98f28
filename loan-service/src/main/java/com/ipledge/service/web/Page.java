package com.ipledge.service.web;

import com.ipledge.service.problem.FieldErrors;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One page of a list; {@code page} counts from 0. A list read for sync ({@code updatedSince} or {@code cursor}, see
 * {@link SyncWindow}) is ordered by (updatedAt, id) and carries {@code nextCursor}: where to read on from, the next
 * page now or later changes; null elsewhere.
 */
@Introspected
public record Page<T>(List<T> items, int page, int size, long total, @Nullable String nextCursor) {
    public static final int MAX_SIZE = 100;

    public Page(List<T> items, int page, int size, long total) {
        this(items, page, size, total, null);
    }

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
