package com.ipledge.service.pages;

import java.util.List;

/**
 * One problem with one form field, as a message-bundle key and its arguments, so that it is shown in the page's
 * language. {@code field} is the form's field name, e.g. {@code creditCode} or {@code assets[1].number}.
 */
record FormError(String field, String key, List<String> args) {
    FormError {
        args = List.copyOf(args);
    }

    static FormError of(String field, String key, String... args) {
        return new FormError(field, key, List.of(args));
    }
}
