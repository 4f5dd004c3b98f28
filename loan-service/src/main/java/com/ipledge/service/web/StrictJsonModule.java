package com.ipledge.service.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Reads request JSON as it is written, without Jackson's guesses (issue 17: {@code "approve": 2} approved a loan,
 * {@code "role": 1} made a BUREAU key, {@code "disbursedOn": ""} disbursed today): no text with NUL characters
 * (PostgreSQL refuses them), dates only as {@code YYYY-MM-DD} within plausible years, no empty string read as null,
 * no number or boolean read as text, no number or text read as a boolean. Numbers may still come as strings: money
 * is a JSON string or number (API.md). Enums by ordinal and trailing data are refused in application.yml.
 */
@Singleton
public class StrictJsonModule extends SimpleModule {
    static final LocalDate MIN_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate MAX_DATE = LocalDate.of(2199, 12, 31);
    static final String DATE = "must be an ISO-8601 date (YYYY-MM-DD) from " + MIN_DATE + " to " + MAX_DATE;
    private static final Pattern ISO_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");

    public StrictJsonModule() {
        super("ipledge-strict-json");
        addDeserializer(String.class, new CheckedDeserializer<>(StringDeserializer.instance,
                text -> text.indexOf('\0') >= 0 ? "must not contain NUL characters" : null));
        addDeserializer(LocalDate.class, new StrictDateDeserializer());
    }

    /** A business date: the string {@code YYYY-MM-DD} and nothing else (no date-time, no number, no array). */
    static final class StrictDateDeserializer extends StdScalarDeserializer<LocalDate> {
        StrictDateDeserializer() {
            super(LocalDate.class);
        }

        @Override
        public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
            }
            String text = p.getText();
            if (ISO_DATE.matcher(text).matches()) {
                try {
                    LocalDate date = LocalDate.parse(text);
                    if (!date.isBefore(MIN_DATE) && !date.isAfter(MAX_DATE)) {
                        return date;
                    }
                } catch (DateTimeParseException e) {
                    // named below, like any other malformed date
                }
            }
            throw new CheckedDeserializer.Rejected(p, DATE, text, LocalDate.class);
        }
    }

    /** Coercions are the mapper's settings, not a module's: set them once it is created. */
    @Singleton
    static class Coercions implements BeanCreatedEventListener<ObjectMapper> {
        @Override
        public ObjectMapper onCreated(BeanCreatedEvent<ObjectMapper> event) {
            ObjectMapper mapper = event.getBean();
            mapper.coercionConfigDefaults().setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Boolean)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.String, CoercionAction.Fail);
            mapper.coercionConfigFor(LogicalType.Textual)
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
            return mapper;
        }
    }
}
