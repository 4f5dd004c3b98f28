package com.ipledge.service.losssharing;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The loss waterfall and its fen arithmetic, with no I/O.
 *
 * <p><b>The rounding rule (largest remainder).</b> An amount A (in fen) is split over parties with weights w (the
 * risk-share shares, or for recoveries the loss each party took). Every party first gets A x w / sum(w) truncated
 * to the fen. The k fen then left over (k is smaller than the number of parties) go one each to the k parties with
 * the largest truncated remainders; ties go to the larger weight, then to the party name in alphabetical order.
 * So every part is round(A x share, 2) or differs from it by at most one fen, and the parts add up to A exactly.
 * Example: 1,000,000.01 split pool 54 : bank 26 : insurer 16 : appraiser 4 truncates to 540,000.00 + 260,000.00 +
 * 160,000.00 + 40,000.00 = 1,000,000.00; the one fen left goes to the pool (remainder 0.54 fen), giving
 * 540,000.01.
 *
 * <p><b>Caps.</b> After the split, a party with a cap (a pool's per-loan cap or the exposure it covered, a fund's
 * per-loan cap) keeps at most its cap; whatever it cannot take falls back to the bank. Caps are whole fen, so the
 * parts still add up to the loss exactly.
 */
public final class Waterfall {
    public static final String BANK = "BANK";

    /** One party's part of a loss. */
    public record Part(String party, BigDecimal share, BigDecimal amount, boolean capped) {
    }

    private Waterfall() {
    }

    /**
     * Splits {@code loss} by {@code shares}, then applies {@code caps} (party -> the most it takes; absent or null:
     * no cap). The bank is always a party (with share 0 if the scheme names none) and takes what capped parties
     * cannot. Parts are ordered by party name; they add up to {@code loss} to the fen.
     */
    public static List<Part> allocate(BigDecimal loss, Map<String, BigDecimal> shares, Map<String, BigDecimal> caps) {
        Map<String, BigDecimal> weights = new TreeMap<>(shares);
        weights.putIfAbsent(BANK, BigDecimal.ZERO);
        Map<String, BigDecimal> parts = split(loss, weights);
        Map<String, Boolean> capped = new TreeMap<>();
        BigDecimal fallBack = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<String, BigDecimal> e : parts.entrySet()) {
            BigDecimal cap = caps.get(e.getKey());
            boolean over = !BANK.equals(e.getKey()) && cap != null && e.getValue().compareTo(cap) > 0;
            capped.put(e.getKey(), over);
            if (over) {
                fallBack = fallBack.add(e.getValue().subtract(cap));
                e.setValue(cap.setScale(2));
            }
        }
        parts.merge(BANK, fallBack, BigDecimal::add);
        List<Part> out = new ArrayList<>();
        parts.forEach((party, amount) -> out.add(new Part(party, weights.get(party), amount, capped.get(party))));
        return out;
    }

    /**
     * Splits {@code amount} (yuan, at most 2 decimals, not negative) in proportion to {@code weights} (not
     * negative, some positive) by the largest-remainder rule; the result (ordered as {@code weights} iterates)
     * adds up to {@code amount} exactly.
     */
    public static Map<String, BigDecimal> split(BigDecimal amount, Map<String, BigDecimal> weights) {
        if (amount.signum() < 0 || amount.stripTrailingZeros().scale() > 2) {
            throw new IllegalArgumentException("amount must be whole fen, not negative: " + amount);
        }
        BigDecimal total = BigDecimal.ZERO;
        for (BigDecimal w : weights.values()) {
            if (w.signum() < 0) {
                throw new IllegalArgumentException("weights must not be negative: " + weights);
            }
            total = total.add(w);
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("some weight must be positive: " + weights);
        }
        // exact rational arithmetic: fen x w / W, with W and every w scaled to integers by a common power of ten
        int scale = Math.max(0, total.scale());
        for (BigDecimal w : weights.values()) {
            scale = Math.max(scale, w.scale());
        }
        BigInteger fen = amount.movePointRight(2).toBigIntegerExact();
        BigInteger denominator = total.movePointRight(scale).toBigIntegerExact();
        Map<String, BigInteger> floors = new LinkedHashMap<>();
        Map<String, BigInteger> remainders = new LinkedHashMap<>();
        BigInteger given = BigInteger.ZERO;
        for (Map.Entry<String, BigDecimal> e : weights.entrySet()) {
            BigInteger[] qr = fen.multiply(e.getValue().movePointRight(scale).toBigIntegerExact())
                    .divideAndRemainder(denominator);
            floors.put(e.getKey(), qr[0]);
            remainders.put(e.getKey(), qr[1]);
            given = given.add(qr[0]);
        }
        int left = fen.subtract(given).intValueExact();
        List<String> order = new ArrayList<>(weights.keySet());
        order.sort(Comparator.<String, BigInteger>comparing(remainders::get).reversed()
                .thenComparing(Comparator.<String, BigDecimal>comparing(weights::get).reversed())
                .thenComparing(Comparator.naturalOrder()));
        for (int i = 0; i < left; i++) {
            floors.merge(order.get(i), BigInteger.ONE, BigInteger::add);
        }
        Map<String, BigDecimal> out = new LinkedHashMap<>();
        floors.forEach((party, f) -> out.put(party, new BigDecimal(f, 2)));
        return out;
    }

    /**
     * Splits {@code amount} by {@code weights} as {@link #split}, but no party gets more than its
     * {@code headroom}; what a full party cannot take goes, fen by fen, to the others with room (larger weight
     * first, then by name). The headrooms must add up to at least {@code amount}.
     */
    public static Map<String, BigDecimal> splitWithin(BigDecimal amount, Map<String, BigDecimal> weights,
                                                      Map<String, BigDecimal> headroom) {
        BigDecimal room = headroom.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        if (room.compareTo(amount) < 0) {
            throw new IllegalArgumentException("no room for " + amount + " (room " + room + ")");
        }
        Map<String, BigDecimal> parts = split(amount, weights);
        BigDecimal excess = BigDecimal.ZERO.setScale(2);
        for (Map.Entry<String, BigDecimal> e : parts.entrySet()) {
            BigDecimal limit = headroom.getOrDefault(e.getKey(), BigDecimal.ZERO);
            if (e.getValue().compareTo(limit) > 0) {
                excess = excess.add(e.getValue().subtract(limit));
                e.setValue(limit.setScale(2));
            }
        }
        List<String> order = new ArrayList<>(weights.keySet());
        order.sort(Comparator.<String, BigDecimal>comparing(weights::get).reversed()
                .thenComparing(Comparator.naturalOrder()));
        for (String party : order) {
            if (excess.signum() == 0) {
                break;
            }
            BigDecimal free = headroom.getOrDefault(party, BigDecimal.ZERO).subtract(parts.get(party));
            BigDecimal take = free.min(excess);
            if (take.signum() > 0) {
                parts.put(party, parts.get(party).add(take));
                excess = excess.subtract(take);
            }
        }
        return parts;
    }
}
