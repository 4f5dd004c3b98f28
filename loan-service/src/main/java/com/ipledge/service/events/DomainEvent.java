package com.ipledge.service.events;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Something that happened to a bank's business, as pushed to the bank.
 *
 * @param bankId   whose event it is (events of no bank are not pushed)
 * @param orderKey the loan it is about (or the application, before a loan exists); events with the same key reach
 *                 an endpoint in the order they were published. Null: no order to keep
 * @param data     ids and key figures; JSON-serialisable values (strings, numbers, BigDecimal, dates, UUIDs)
 */
public record DomainEvent(EventType type, UUID bankId, UUID orderKey, Map<String, Object> data) {

    /** {@code data("loanId", id, "amount", amount, ...)} in that order; a null value is left out. */
    public static Map<String, Object> data(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("keys and values come in pairs");
        }
        Map<String, Object> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                data.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return data;
    }
}
