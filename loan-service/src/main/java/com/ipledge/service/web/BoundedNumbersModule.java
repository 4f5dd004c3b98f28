package com.ipledge.service.web;

import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Singleton;
import java.math.BigDecimal;

/**
 * Bounds every decimal a JSON request carries (number or string, every field of every body) in digits and
 * exponent while it is still text, before anything computes with it: {@code 1e20000000} parses cheaply into a
 * BigDecimal, but the first {@code setScale} or {@code add} on it computes 10^20000000 (seconds of CPU for one
 * small request). Strings that are not decimals ({@code "NaN"}, which Jackson reads as a double) are refused too.
 * Micronaut registers this module with its ObjectMapper because it is a bean.
 */
@Singleton
public class BoundedNumbersModule extends SimpleModule {
    /** Significant digits and decimal exponent a request's decimal may have: decimal128's, far above any field. */
    static final int MAX_DIGITS = 34;
    static final String OUT_OF_BOUNDS = "is not a plausible number (at most " + MAX_DIGITS
            + " significant digits, between 1e-" + MAX_DIGITS + " and 1e" + MAX_DIGITS + ")";

    public BoundedNumbersModule() {
        super("ipledge-bounded-numbers");
        addDeserializer(BigDecimal.class, new CheckedDeserializer<>(new NumberDeserializers.BigDecimalDeserializer(),
                BoundedNumbersModule::problem));
        addDeserializer(Double.class, new CheckedDeserializer<>(
                new NumberDeserializers.DoubleDeserializer(Double.class, null), BoundedNumbersModule::problem));
        addDeserializer(Double.TYPE, new CheckedDeserializer<>(
                new NumberDeserializers.DoubleDeserializer(Double.TYPE, 0d), BoundedNumbersModule::problem));
    }

    /**
     * Why {@code text} is not an acceptable decimal (not one at all, {@code NaN} and {@code Infinity} included, or
     * out of bounds); null when it is, or when it is empty (the mapper's rule for empty strings applies). Cheap
     * whatever the text: parsing does no exponentiation, and the text is at most Jackson's maximum number length.
     */
    static String problem(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return null;
        }
        BigDecimal d;
        try {
            d = new BigDecimal(t);
        } catch (NumberFormatException e) {
            // an exponent beyond int's range is not a decimal to BigDecimal, but is out of bounds all the same
            return t.matches("[+-]?[0-9.]*[eE][+-]?[0-9]+") ? OUT_OF_BOUNDS : "must be a number";
        }
        return d.precision() <= MAX_DIGITS && Math.abs((long) d.scale()) <= MAX_DIGITS ? null : OUT_OF_BOUNDS;
    }
}
