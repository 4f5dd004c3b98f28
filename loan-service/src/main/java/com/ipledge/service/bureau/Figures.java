package com.ipledge.service.bureau;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How the dashboard writes numbers: Chinese readers get money in 万元 (ten thousand yuan) with two decimals,
 * English readers yuan with thousands separators and two decimals; the unit stands in the column heading.
 * Ratios as percentages with two decimals. Charts get the same numbers as plain decimals in the same unit.
 */
final class Figures {
    private static final BigDecimal TEN_THOUSAND = BigDecimal.valueOf(10_000);

    private Figures() {
    }

    /** Money in the page's unit (万元 for zh-CN, yuan for en), two decimals, grouped. */
    static String money(BigDecimal yuan, Locale locale) {
        if (yuan == null) {
            return "–";
        }
        return format("#,##0.00", inUnit(yuan, locale));
    }

    /** The same amount as a plain decimal for a chart. */
    static BigDecimal chartMoney(BigDecimal yuan, Locale locale) {
        return yuan == null ? BigDecimal.ZERO : inUnit(yuan, locale);
    }

    static BigDecimal inUnit(BigDecimal yuan, Locale locale) {
        return locale.equals(BureauPages.EN) ? yuan.setScale(2, RoundingMode.HALF_UP)
                : yuan.divide(TEN_THOUSAND, 2, RoundingMode.HALF_UP);
    }

    /** A decimal ratio as a percentage: 0.012345 -> "1.23%". */
    static String percent(BigDecimal ratio) {
        if (ratio == null) {
            return "–";
        }
        return format("0.00", ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP)) + "%";
    }

    static BigDecimal chartPercent(BigDecimal ratio) {
        return ratio == null ? null : ratio.movePointRight(2).setScale(2, RoundingMode.HALF_UP);
    }

    static String count(long n) {
        return format("#,##0", BigDecimal.valueOf(n));
    }

    private static String format(String pattern, BigDecimal value) {
        DecimalFormat f = new DecimalFormat(pattern, DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(value);
    }
}
