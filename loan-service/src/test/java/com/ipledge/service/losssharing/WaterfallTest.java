package com.ipledge.service.losssharing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The waterfall on hand-computed cases: the rounding fen, caps, ties, recoveries shared back. */
class WaterfallTest {
    private static Map<String, BigDecimal> shares(String... kv) {
        Map<String, BigDecimal> m = new TreeMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], new BigDecimal(kv[i + 1]));
        }
        return m;
    }

    private static Map<String, String> amounts(List<Waterfall.Part> parts) {
        Map<String, String> m = new TreeMap<>();
        parts.forEach(p -> m.put(p.party(), p.amount().toPlainString()));
        return m;
    }

    private static final Map<String, BigDecimal> INSURED = shares("RISK_COMPENSATION_POOL", "0.54", "BANK", "0.26",
            "INSURER", "0.16", "APPRAISER", "0.04");

    @Test
    void theRoundingFenGoesToTheLargestRemainder() {
        // 1,000,000.01 x (.54, .26, .16, .04) = 540,000.0054 / 260,000.0026 / 160,000.0016 / 40,000.0004:
        // truncated they add to 1,000,000.00; the fen left goes to the pool (0.54 fen is the largest remainder)
        List<Waterfall.Part> parts = Waterfall.allocate(new BigDecimal("1000000.01"), INSURED, Map.of());
        assertEquals(Map.of("RISK_COMPENSATION_POOL", "540000.01", "BANK", "260000.00", "INSURER", "160000.00",
                "APPRAISER", "40000.00"), amounts(parts));
    }

    @Test
    void roundingEachPartAloneWouldOverAllocateAFen() {
        // 123,456.79 x (.54, .26, .16, .04) = 66,666.6666 / 32,098.7654 / 19,753.0864 / 4,938.2716.
        // HALF_UP each gives 66,666.67 + 32,098.77 + 19,753.09 + 4,938.27 = 123,456.80 (one fen too many).
        // Truncated: 66,666.66 + 32,098.76 + 19,753.08 + 4,938.27 = 123,456.77; 2 fen left go to the largest
        // remainders: pool (.66) and insurer (.64); the bank (.54) keeps 32,098.76.
        List<Waterfall.Part> parts = Waterfall.allocate(new BigDecimal("123456.79"), INSURED, Map.of());
        assertEquals(Map.of("RISK_COMPENSATION_POOL", "66666.67", "BANK", "32098.76", "INSURER", "19753.09",
                "APPRAISER", "4938.27"), amounts(parts));
    }

    @Test
    void aCappedPartyLeavesTheRestToTheBank() {
        // as above, with the pool capped at 50,000.00: 16,666.67 falls back to the bank
        List<Waterfall.Part> parts = Waterfall.allocate(new BigDecimal("123456.79"), INSURED,
                Map.of("RISK_COMPENSATION_POOL", new BigDecimal("50000.00")));
        assertEquals(Map.of("RISK_COMPENSATION_POOL", "50000.00", "BANK", "48765.43", "INSURER", "19753.09",
                "APPRAISER", "4938.27"), amounts(parts));
        assertEquals(true, parts.stream().filter(p -> p.party().equals("RISK_COMPENSATION_POOL")).findFirst()
                .orElseThrow().capped());
        // POOL_60_40 on a 10,000,000.00 loss with the pool capped at 3,000,000.00: bank 7,000,000.00
        assertEquals(Map.of("BANK", "7000000.00", "RISK_COMPENSATION_POOL", "3000000.00"),
                amounts(Waterfall.allocate(new BigDecimal("10000000.00"),
                        shares("BANK", "0.60", "RISK_COMPENSATION_POOL", "0.40"),
                        Map.of("RISK_COMPENSATION_POOL", new BigDecimal("3000000.00")))));
        // a cap above the share changes nothing; the bank is there even when the scheme names none
        assertEquals(Map.of("BANK", "0.00", "GUARANTOR", "10.00"), amounts(Waterfall.allocate(
                new BigDecimal("10.00"), shares("GUARANTOR", "1"), Map.of("GUARANTOR", new BigDecimal("20")))));
    }

    @Test
    void tiesGoToTheLargerShareThenByName() {
        // 0.05 halved: 0.02 + 0.02, one fen left, equal remainders and weights: alphabetical (A before BANK)
        assertEquals(Map.of("A", "0.03", "BANK", "0.02"),
                amounts(Waterfall.allocate(new BigDecimal("0.05"), shares("A", "0.5", "BANK", "0.5"), Map.of())));
        // 0.01 split 0.6 / 0.4: truncated 0 / 0, remainders 0.6 and 0.4 fen: the fen goes to the 0.6 party
        assertEquals(Map.of("BANK", "0.01", "RISK_COMPENSATION_POOL", "0.00"), amounts(Waterfall.allocate(
                new BigDecimal("0.01"), shares("BANK", "0.60", "RISK_COMPENSATION_POOL", "0.40"), Map.of())));
    }

    @Test
    void everySplitAddsUpExactly() {
        Map<String, BigDecimal> guarantee = shares("GUARANTOR", "0.40", "GUARANTEE_FUND", "0.30", "BANK", "0.20",
                "LOCAL_GOVERNMENT", "0.10");
        for (long fen = 0; fen < 2_000; fen += 7) {
            BigDecimal loss = new BigDecimal(java.math.BigInteger.valueOf(fen * 1_000_003L), 2);
            for (Map<String, BigDecimal> s : List.of(INSURED, guarantee)) {
                List<Waterfall.Part> parts = Waterfall.allocate(loss, s, Map.of());
                assertEquals(loss, parts.stream().map(Waterfall.Part::amount).reduce(BigDecimal.ZERO,
                        BigDecimal::add).setScale(2), "sum of " + parts);
                for (Waterfall.Part p : parts) {
                    BigDecimal rounded = loss.multiply(p.share()).setScale(2, java.math.RoundingMode.HALF_UP);
                    assertEquals(true, rounded.subtract(p.amount()).abs().compareTo(new BigDecimal("0.01")) <= 0,
                            p + " vs " + rounded);
                }
            }
        }
    }

    @Test
    void recoveriesAreSharedInTheLossProportionsAndNeverBeyondAPartysLoss() {
        // loss 1,000,000.01 taken as 540,000.01 / 260,000.00 / 160,000.00 / 40,000.00; a net recovery of
        // 300,000.00: x w / 1,000,000.01 = 162,000.00138 / 77,999.99922 / 47,999.99952 / 11,999.99988;
        // truncated 162,000.00 + 77,999.99 + 47,999.99 + 11,999.99 = 299,999.97; the 3 fen go to the
        // appraiser (.988), the insurer (.952) and the bank (.922)
        Map<String, BigDecimal> weights = new LinkedHashMap<>();
        weights.put("APPRAISER", new BigDecimal("40000.00"));
        weights.put("BANK", new BigDecimal("260000.00"));
        weights.put("INSURER", new BigDecimal("160000.00"));
        weights.put("RISK_COMPENSATION_POOL", new BigDecimal("540000.01"));
        Map<String, BigDecimal> first = Waterfall.splitWithin(new BigDecimal("300000.00"), weights, weights);
        assertEquals(Map.of("APPRAISER", new BigDecimal("12000.00"), "BANK", new BigDecimal("78000.00"),
                "INSURER", new BigDecimal("48000.00"), "RISK_COMPENSATION_POOL", new BigDecimal("162000.00")),
                first);
        Map<String, BigDecimal> room = new LinkedHashMap<>();
        weights.forEach((k, v) -> room.put(k, v.subtract(first.get(k))));
        // the rest of the loss: every party ends with exactly its loss part
        Map<String, BigDecimal> rest = Waterfall.splitWithin(new BigDecimal("700000.01"), weights, room);
        assertEquals(Map.of("APPRAISER", new BigDecimal("28000.00"), "BANK", new BigDecimal("182000.00"),
                "INSURER", new BigDecimal("112000.00"), "RISK_COMPENSATION_POOL", new BigDecimal("378000.01")),
                rest);
        assertThrows(IllegalArgumentException.class,
                () -> Waterfall.splitWithin(new BigDecimal("700000.02"), weights, room));
    }

    @Test
    void partyKeys() {
        assertEquals("pool", Parties.key("RISK_COMPENSATION_POOL"));
        assertEquals("guaranteeFund", Parties.key("GUARANTEE_FUND"));
        assertEquals("someNewParty", Parties.key("SOME_NEW_PARTY"));
    }
}
