package com.ipledge.service.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.AccessPattern;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;

/**
 * Bounds every decimal a JSON request carries (number or string, every field of every body) in digits and
 * exponent while it is still text, before anything computes with it: {@code 1e20000000} parses cheaply into a
 * BigDecimal, but the first {@code setScale} or {@code add} on it computes 10^20000000 (seconds of CPU for one
 * small request). Micronaut registers this module with its ObjectMapper because it is a bean.
 */
@Singleton
public class BoundedNumbersModule extends SimpleModule {
    /** Significant digits and decimal exponent a request's decimal may have: decimal128's, far above any field. */
    static final int MAX_DIGITS = 34;
    static final String OUT_OF_BOUNDS = "is not a plausible number (at most " + MAX_DIGITS
            + " significant digits, between 1e-" + MAX_DIGITS + " and 1e" + MAX_DIGITS + ")";

    public BoundedNumbersModule() {
        super("ipledge-bounded-numbers");
        addDeserializer(BigDecimal.class, new Bounded<>(new NumberDeserializers.BigDecimalDeserializer()));
        addDeserializer(Double.class, new Bounded<>(new NumberDeserializers.DoubleDeserializer(Double.class, null)));
        addDeserializer(Double.TYPE, new Bounded<>(new NumberDeserializers.DoubleDeserializer(Double.TYPE, 0d)));
    }

    /** A decimal outside the bounds; the problem handler answers its own message for it. */
    public static final class OutOfBounds extends InvalidFormatException {
        OutOfBounds(JsonParser p, String text, Class<?> target) {
            super(p, OUT_OF_BOUNDS, text, target);
        }
    }

    /** Checks the token's text, then lets Jackson's own deserializer read it (its coercion rules still apply). */
    static final class Bounded<T> extends JsonDeserializer<T> {
        private final JsonDeserializer<T> standard;

        Bounded(JsonDeserializer<T> standard) {
            this.standard = standard;
        }

        @Override
        public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            JsonToken token = p.currentToken();
            if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                    || token == JsonToken.VALUE_STRING) {
                String text = p.getText().trim();
                if (!text.isEmpty() && !withinBounds(text)) {
                    throw new OutOfBounds(p, text, handledType());
                }
            }
            return standard.deserialize(p, ctxt);
        }

        // null, absent and empty values are the standard deserializer's business, as if this wrapper were not there
        @Override
        public T getNullValue(DeserializationContext ctxt) throws JsonMappingException {
            return standard.getNullValue(ctxt);
        }

        @Override
        public Object getAbsentValue(DeserializationContext ctxt) throws JsonMappingException {
            return standard.getAbsentValue(ctxt);
        }

        @Override
        public Object getEmptyValue(DeserializationContext ctxt) throws JsonMappingException {
            return standard.getEmptyValue(ctxt);
        }

        @Override
        public AccessPattern getNullAccessPattern() {
            return standard.getNullAccessPattern();
        }

        @Override
        public LogicalType logicalType() {
            return standard.logicalType();
        }

        @Override
        public Class<?> handledType() {
            return standard.handledType();
        }
    }

    /**
     * Whether {@code text}, if it is a decimal at all, stays within the bounds. Text that is not a decimal passes:
     * the standard deserializer rejects it with its own message. Cheap whatever the text: parsing does no
     * exponentiation, and the text is at most Jackson's maximum number length.
     */
    static boolean withinBounds(String text) {
        BigDecimal d;
        try {
            d = new BigDecimal(text);
        } catch (NumberFormatException e) {
            // an exponent beyond int's range is not a decimal to BigDecimal, but is out of bounds all the same
            return !text.matches("[+-]?[0-9.]*[eE][+-]?[0-9]+");
        }
        return d.precision() <= MAX_DIGITS && Math.abs((long) d.scale()) <= MAX_DIGITS;
    }
}
