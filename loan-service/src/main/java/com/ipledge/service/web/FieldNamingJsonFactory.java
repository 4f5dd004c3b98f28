package com.ipledge.service.web;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.util.JsonParserDelegate;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.jackson.JacksonConfiguration;
import io.micronaut.jackson.ObjectMapperFactory;
import jakarta.inject.Singleton;
import java.io.DataInput;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.util.ArrayList;
import java.util.List;

/**
 * Micronaut's JSON factory, except that a value the parser refuses for its size (a number of more than 1000
 * digits, ...) is reported with the field it was sent in: the parser refuses it while reading the token, before any
 * deserializer knows the field, and Jackson's own exception names no field at all.
 */
public final class FieldNamingJsonFactory extends JsonFactory {

    FieldNamingJsonFactory(JsonFactoryBuilder builder) {
        super(builder);
    }

    private FieldNamingJsonFactory(FieldNamingJsonFactory source) {
        super(source, null);
    }

    /** Replaces the factory Micronaut's {@link ObjectMapperFactory} builds, with the same settings. */
    @Factory
    static class Beans {
        @Singleton
        @Replaces(bean = JsonFactory.class, factory = ObjectMapperFactory.class)
        JsonFactory jsonFactory(JacksonConfiguration configuration) {
            JsonFactoryBuilder builder = new JsonFactoryBuilder();
            configuration.getFactorySettings().forEach(builder::configure);
            return new FieldNamingJsonFactory(builder);
        }
    }

    /** A value too large to read, and the field it came in ({@code groups[0].ead}, empty at the root). */
    public static final class ValueTooLarge extends JsonParseException {
        private final String field;

        ValueTooLarge(JsonParser p, String field, StreamConstraintsException cause) {
            super(p, cause.getOriginalMessage(), cause);
            this.field = field;
        }

        public String field() {
            return field;
        }
    }

    @Override
    public JsonFactory copy() {
        return new FieldNamingJsonFactory(this);
    }

    @Override
    protected JsonParser _createParser(InputStream in, IOContext ctxt) throws IOException {
        return new Naming(super._createParser(in, ctxt));
    }

    @Override
    protected JsonParser _createParser(Reader r, IOContext ctxt) throws IOException {
        return new Naming(super._createParser(r, ctxt));
    }

    @Override
    protected JsonParser _createParser(char[] data, int offset, int len, IOContext ctxt, boolean recyclable)
            throws IOException {
        return new Naming(super._createParser(data, offset, len, ctxt, recyclable));
    }

    @Override
    protected JsonParser _createParser(byte[] data, int offset, int len, IOContext ctxt) throws IOException {
        return new Naming(super._createParser(data, offset, len, ctxt));
    }

    @Override
    protected JsonParser _createParser(DataInput input, IOContext ctxt) throws IOException {
        return new Naming(super._createParser(input, ctxt));
    }

    /** Every other read goes through {@code nextToken}: JsonParser's defaults call it. */
    private static final class Naming extends JsonParserDelegate {
        Naming(JsonParser parser) {
            super(parser);
        }

        @Override
        public JsonToken nextToken() throws IOException {
            try {
                return delegate.nextToken();
            } catch (StreamConstraintsException e) {
                throw new ValueTooLarge(this, path(delegate.getParsingContext()), e);
            }
        }

        @Override
        public JsonToken nextValue() throws IOException {
            try {
                return delegate.nextValue();
            } catch (StreamConstraintsException e) {
                throw new ValueTooLarge(this, path(delegate.getParsingContext()), e);
            }
        }
    }

    /** Where a parser is, in the notation of problem fields: {@code groups[0].ead}. */
    static String path(JsonStreamContext context) {
        List<JsonStreamContext> chain = new ArrayList<>();
        for (JsonStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            chain.add(0, c);
        }
        StringBuilder sb = new StringBuilder();
        for (JsonStreamContext c : chain) {
            if (c.inObject() && c.getCurrentName() != null) {
                sb.append(sb.length() > 0 ? "." : "").append(c.getCurrentName());
            } else if (c.inArray() && c.getCurrentIndex() >= 0) {
                sb.append('[').append(c.getCurrentIndex()).append(']');
            }
        }
        return sb.toString();
    }
}
