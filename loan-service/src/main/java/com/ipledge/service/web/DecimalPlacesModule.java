package com.ipledge.service.web;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Writes every floating-point number of an answer (rates, shares, scores, sensitivities, contributions: the engines
 * compute them in double) with at most {@link #PLACES} decimal places, rounded half-even, so that binary noise such
 * as {@code 0.038250000000000006} reaches no client: it is {@code 0.03825}. A double that already has at most that
 * many places is written as before. Money is BigDecimal to the fen everywhere and never passes here. Micronaut
 * registers this module with its ObjectMapper because it is a bean, so stored decision bodies are written the same.
 */
@Singleton
public class DecimalPlacesModule extends SimpleModule {
    /** Decimal places of a floating-point number in an answer (documented in the README). */
    public static final int PLACES = 10;

    public DecimalPlacesModule() {
        super("ipledge-decimal-places");
        addSerializer(Double.class, new Rounded());
        addSerializer(Double.TYPE, new Rounded());
    }

    /** The double as the decimal an answer shows. */
    public static BigDecimal rounded(double d) {
        BigDecimal exact = new BigDecimal(Double.toString(d));
        return exact.scale() <= PLACES ? exact : exact.setScale(PLACES, RoundingMode.HALF_EVEN).stripTrailingZeros();
    }

    private static final class Rounded extends StdSerializer<Double> {
        Rounded() {
            super(Double.class);
        }

        @Override
        public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            double d = value;
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                gen.writeNumber(d); // as Jackson writes them; no answer carries one
                return;
            }
            BigDecimal exact = new BigDecimal(Double.toString(d));
            if (exact.scale() <= PLACES) {
                gen.writeNumber(d);
            } else {
                gen.writeNumber(rounded(d).toPlainString());
            }
        }
    }
}
