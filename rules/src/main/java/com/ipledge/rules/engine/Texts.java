package com.ipledge.rules.engine;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/** Number formats for rule messages, independent of the JVM's locale so that messages are reproducible. */
public final class Texts {
    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private Texts() {
    }

    /** Yuan with thousands separators, e.g. {@code 1,250,000.00}. */
    public static String money(BigDecimal yuan) {
        DecimalFormat f = new DecimalFormat("#,##0.00", SYMBOLS);
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(yuan);
    }

    /** A rate or share as a percentage, e.g. 0.0425 -> {@code 4.25%}. */
    public static String percent(BigDecimal fraction) {
        return fraction.movePointRight(2).setScale(2, RoundingMode.HALF_UP).toPlainString() + "%";
    }

    /** Years with one decimal, e.g. {@code 7.5}. */
    public static String years(BigDecimal years) {
        return years.setScale(1, RoundingMode.HALF_UP).toPlainString();
    }
}
