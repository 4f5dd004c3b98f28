package com.ipledge.service.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.util.AccessPattern;
import java.io.IOException;
import java.util.function.Function;

/**
 * Jackson's own deserializer of a scalar type, after a check of the token's text (a number's or a string's):
 * the check sees the text before anything is computed from it, and Jackson's coercion rules still apply after it.
 */
final class CheckedDeserializer<T> extends JsonDeserializer<T> {
    private final JsonDeserializer<T> standard;
    private final Function<String, String> problem;

    /** {@code problem} answers what is wrong with a text (the message a client reads), or null when nothing is. */
    CheckedDeserializer(JsonDeserializer<T> standard, Function<String, String> problem) {
        this.standard = standard;
        this.problem = problem;
    }

    /** A value its check refused; the problem handler answers the check's message, naming the field. */
    static final class Rejected extends InvalidFormatException {
        Rejected(JsonParser p, String message, String text, Class<?> target) {
            super(p, message, text, target);
        }
    }

    @Override
    public T deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken token = p.currentToken();
        if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT
                || token == JsonToken.VALUE_STRING) {
            String text = p.getText();
            String wrong = problem.apply(text);
            if (wrong != null) {
                throw new Rejected(p, wrong, text, handledType());
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
