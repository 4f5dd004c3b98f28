package com.ipledge.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.rules.params.IndustryAssumptions;
import com.ipledge.rules.params.IndustryAssumptions.LifeRange;
import com.ipledge.rules.params.IndustryAssumptions.RateRange;
import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.rules.params.ValuationPolicy;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The desk valuation's assumptions by GB/T 4754 industry: division, then section, then the IP type's default. */
class IndustryAssumptionsTest {
    private final ValuationPolicy policy = ValuationPolicy.defaults();

    private String industryOf(String code, String type) {
        return policy.deskAssumptionsFor(code, type).orElseThrow().industry();
    }

    @Test
    void aDivisionRowWinsThenTheSectionThenTheIpTypeDefault() {
        List<IndustryAssumptions> rows = new ArrayList<>(policy.deskAssumptions());
        rows.add(row("A", "INVENTION_PATENT", "0.01", "0.04"));
        rows.add(row("A01", "INVENTION_PATENT", "0.01", "0.03"));
        ValuationPolicy farming = new ValuationPolicy(policy.freshDays(), rows, policy.scoreWeights(),
                policy.scoreWeightsSource());
        assertEquals("A01", farming.deskAssumptionsFor("A0111", "INVENTION_PATENT").orElseThrow().industry(),
                "class code: its division");
        assertEquals("A01", farming.deskAssumptionsFor("A01", "INVENTION_PATENT").orElseThrow().industry());
        assertEquals("A", farming.deskAssumptionsFor("A0311", "INVENTION_PATENT").orElseThrow().industry(),
                "animal husbandry: no A03 row, section A");
        assertEquals("A", farming.deskAssumptionsFor("A", "INVENTION_PATENT").orElseThrow().industry());
        assertEquals("*", farming.deskAssumptionsFor("A0111", "DESIGN_PATENT").orElseThrow().industry(),
                "no A row for designs: the type's default");
        assertEquals(List.of(), Params.valuation(PolicyParameters.defaults(), farming)
                .problems().stream().filter(p -> p.field().startsWith("valuation")).toList());

        // the defaults
        assertEquals("C27", industryOf("C2710", "INVENTION_PATENT"));
        assertEquals("C27", industryOf("C27", "INVENTION_PATENT"));
        assertEquals("*", industryOf("C3911", "INVENTION_PATENT"), "no C or C39 row: the type's default");
        assertEquals("*", industryOf("A0111", "INVENTION_PATENT"));
        assertEquals("A01", industryOf("A0141", "GEOGRAPHICAL_INDICATION"));
        for (IpType type : IpType.values()) {
            if (com.ipledge.rules.params.WiderCollateralPolicy.covers(type)) {
                // copyrights and data IP fall back on widerCollateral.deskDefaults, not on a * row
                assertTrue(policy.deskAssumptionsFor("T9700", type.name()).isEmpty(), type.name());
            } else {
                assertEquals("*", industryOf("T9700", type.name()), type.name());
            }
        }
        IndustryAssumptions pharma = policy.deskAssumptionsFor("C2710", "INVENTION_PATENT").orElseThrow();
        IndustryAssumptions other = policy.deskAssumptionsFor("A0111", "INVENTION_PATENT").orElseThrow();
        assertTrue(pharma.royaltyRate().low().compareTo(other.royaltyRate().low()) > 0);
        assertTrue(pharma.source().startsWith("ipledge project default"), pharma.source());
    }

    private static IndustryAssumptions row(String industry, String type, String low, String high) {
        return new IndustryAssumptions(industry, type, new RateRange(new BigDecimal(low), new BigDecimal(high)),
                new BigDecimal("0.1"), new LifeRange(BigDecimal.ONE, BigDecimal.TEN, BigDecimal.TEN), "test row");
    }

    @Test
    void theDefaultsAreValidAndEveryRowSaysWhereItComesFrom() {
        assertEquals(List.of(), PolicyParameters.defaults().problems());
        for (IndustryAssumptions row : policy.deskAssumptions()) {
            assertTrue(row.source() != null && !row.source().isBlank(), row::toString);
        }
        // the former desk assumptions are the * rows: invention 4 % (sd 1 %), 25 % of revenue, life (4, 7, 10)
        IndustryAssumptions invention = policy.deskAssumptionsFor(null, "INVENTION_PATENT").orElseThrow();
        assertEquals(0, new BigDecimal("0.04").compareTo(invention.royaltyRate().low()
                .add(invention.royaltyRate().high()).divide(BigDecimal.valueOf(2))));
        assertEquals(0, new BigDecimal("0.25").compareTo(invention.revenueShare()));
        for (Map<String, BigDecimal> tree : policy.scoreWeights().values()) {
            assertEquals(0, BigDecimal.ONE.compareTo(tree.values().stream().reduce(BigDecimal.ZERO,
                    BigDecimal::add)));
        }
    }

    @Test
    void badRowsAreNamedByField() {
        List<IndustryAssumptions> rows = new ArrayList<>(policy.deskAssumptions());
        rows.add(new IndustryAssumptions("C99", "INVENTION_PATENT", new RateRange(new BigDecimal("0.05"),
                new BigDecimal("0.01")), new BigDecimal("1.5"), new LifeRange(new BigDecimal("5"),
                new BigDecimal("3"), new BigDecimal("4")), " "));
        rows.add(new IndustryAssumptions("C27", "INVENTION_PATENT", new RateRange(BigDecimal.ZERO,
                BigDecimal.ONE), BigDecimal.ONE, new LifeRange(BigDecimal.ONE, BigDecimal.ONE, BigDecimal.ONE),
                "dup"));
        rows.removeIf(r -> r.industry().equals("*") && r.ipType().equals("TRADEMARK"));
        PolicyParameters d = PolicyParameters.defaults();
        PolicyParameters bad = Params.valuation(d, new ValuationPolicy(policy.freshDays(), rows,
                policy.scoreWeights(), policy.scoreWeightsSource()));
        int i = rows.size() - 2;
        List<String> fields = bad.problems().stream().map(Problem::field).toList();
        assertEquals(List.of("valuation.deskAssumptions[" + i + "].industry",
                "valuation.deskAssumptions[" + i + "].royaltyRate.high",
                "valuation.deskAssumptions[" + i + "].revenueShare",
                "valuation.deskAssumptions[" + i + "].economicLifeYears.mode",
                "valuation.deskAssumptions[" + i + "].source",
                "valuation.deskAssumptions[" + (i + 1) + "]",
                "valuation.deskAssumptions"), fields);
    }

    @Test
    void storedVersionsWithoutValuationPolicyReadAsTheDefaults() {
        PolicyParameters d = PolicyParameters.defaults();
        PolicyParameters old = Params.valuation(d, null);
        assertEquals(List.of(), old.problems());
        assertEquals(ValuationPolicy.defaults(), old.valuationOrDefaults());
    }
}
