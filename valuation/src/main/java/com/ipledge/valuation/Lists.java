package com.ipledge.valuation;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Defensive copies that keep null elements, so that validation can name them instead of failing on copy. */
final class Lists {
    private Lists() {
    }

    static <T> List<T> copyOf(List<T> list) {
        return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
    }
}
