package com.ipledge.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.BigRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Scale;

class LimitPropertiesTest {

    @Property(tries = 150)
    void theLimitIsTheMinimumAndSharesAddUpToOne(
            @ForAll @BigRange(min = "1", max = "20000000") @Scale(2) BigDecimal requested,
            @ForAll @BigRange(min = "0", max = "20000000") @Scale(2) BigDecimal quota,
            @ForAll @BigRange(min = "0", max = "20000000") @Scale(2) BigDecimal patentValue,
            @ForAll @BigRange(min = "0", max = "100") @Scale(1) BigDecimal patentScore,
            @ForAll @BigRange(min = "0", max = "20000000") @Scale(2) BigDecimal markValue,
            @ForAll @IntRange(min = 1, max = 36) int termMonths,
            @ForAll boolean insurance) {
        Case c = Case.strong();
        c.requested = requested;
        c.quota = quota;
        c.termMonths = termMonths;
        c.insurance = insurance;
        c.patent().value(patentValue.toPlainString(), null, patentScore.toPlainString());
        c.trademark().value(markValue.toPlainString(), null, "70");
        Decision d = Policies.decide(c);
        BigDecimal expected = requested.min(d.lendingValue()).min(c.parameters.limits().maxLoanAmount()).min(quota);
        assertEquals(0, expected.compareTo(d.approvedLimit()), d::toString);
        BigDecimal sum = d.riskShare().shares().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        assertEquals(0, sum.compareTo(BigDecimal.ONE));
        if (d.ltv() != null) {
            // no asset lends more than half its value (the highest cap), so neither does the bundle
            assertTrue(d.ltv().compareTo(new BigDecimal("0.50")) <= 0, d::toString);
        }
        assertEquals(d, Policies.decide(c));
    }
}
