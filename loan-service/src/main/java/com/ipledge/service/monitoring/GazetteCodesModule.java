package com.ipledge.service.monitoring;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.ipledge.rules.MonitoringEventType;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Reads an event {@code type} by its name ({@code PRESERVATION}) or by the CNIPA gazette's code ({@code PP01}), as
 * registry feeds write it; anything else is refused naming the field.
 */
@Singleton
public class GazetteCodesModule extends SimpleModule {
    public GazetteCodesModule() {
        super("ipledge-gazette-codes");
        addDeserializer(MonitoringEventType.class, new EventTypeDeserializer());
    }

    static final class EventTypeDeserializer extends StdScalarDeserializer<MonitoringEventType> {
        EventTypeDeserializer() {
            super(MonitoringEventType.class);
        }

        @Override
        public MonitoringEventType deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (MonitoringEventType) ctxt.handleUnexpectedToken(MonitoringEventType.class, p);
            }
            String text = p.getText();
            return MonitoringEventType.parse(text).orElseThrow(() -> InvalidFormatException.from(p,
                    "not an event type or gazette code", text, MonitoringEventType.class));
        }
    }
}
