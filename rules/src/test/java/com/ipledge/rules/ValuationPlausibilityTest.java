package com.ipledge.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.rules.params.ValuationGovernancePolicy;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The plausibility rules (issue 16): an assumption out of line refers the decision (never approves it) and the reason
 * names the assumption; the bounds are parameters; a decision without assumptions is not affected.
 */
class ValuationPlausibilityTest {

    static ValuationAssumptions revenue(ValuationAssumptions v, String baseRevenue) {
        return new ValuationAssumptions(v.assetId(), v.source(), new BigDecimal(baseRevenue),
                v.borrowerOperatingRevenue(), v.royaltyRate(), v.economicLifeYears(), v.remainingLegalLifeYears(),
                v.value(), v.deskValue());
    }

    static ValuationAssumptions royalty(ValuationAssumptions v, String rate) {
        return new ValuationAssumptions(v.assetId(), v.source(), v.baseRevenue(), v.borrowerOperatingRevenue(),
                new BigDecimal(rate), v.economicLifeYears(), v.remainingLegalLifeYears(), v.value(), v.deskValue());
    }

    static ValuationAssumptions life(ValuationAssumptions v, String years) {
        return new ValuationAssumptions(v.assetId(), v.source(), v.baseRevenue(), v.borrowerOperatingRevenue(),
                v.royaltyRate(), new BigDecimal(years), v.remainingLegalLifeYears(), v.value(), v.deskValue());
    }

    static ValuationAssumptions value(ValuationAssumptions v, String value) {
        return new ValuationAssumptions(v.assetId(), v.source(), v.baseRevenue(), v.borrowerOperatingRevenue(),
                v.royaltyRate(), v.economicLifeYears(), v.remainingLegalLifeYears(), new BigDecimal(value),
                v.deskValue());
    }

    @Test
    void assumptionsInLineApprove() {
        Decision d = Policies.decide(Case.strong().bankValuation(v -> v));
        assertEquals(Outcome.APPROVE, d.outcome(), d::toString);
        assertTrue(d.firedRuleIds().stream().noneMatch(id -> id.startsWith("VAL-PLAUSIBILITY-")));
    }

    @Test
    void nineBillionOfRevenueOnASmallFirmsPatentIsReferredNamingTheRevenue() {
        Decision d = Policies.decide(Case.strong().bankValuation(v -> value(revenue(v, "9000000000.00"),
                "2000000000.00")));
        assertEquals(Outcome.REFER, d.outcome());
        Reason revenue = reason(d, "VAL-PLAUSIBILITY-001");
        assertEquals(Effect.REFER, revenue.effect());
        assertEquals("ZL201710601862.3", revenue.assetId());
        assertTrue(revenue.messageEn().contains("CNY 9,000,000,000.00") && revenue.messageEn().contains("revenue"),
                revenue::messageEn);
        assertTrue(revenue.messageZh().contains("营业收入"), revenue::messageZh);
        Reason value = reason(d, "VAL-PLAUSIBILITY-004");
        assertTrue(value.messageEn().contains("3 x the desk valuation"), value::messageEn);
        assertTrue(d.firedRuleIds().contains("OUTCOME-REFER-001"));
    }

    @Test
    void eachAssumptionNamesItself() {
        assertTrue(reason(Policies.decide(Case.strong().bankValuation(v -> royalty(v, "0.25"))),
                "VAL-PLAUSIBILITY-002").messageEn().contains("royalty rate of 25.00%, outside the plausible range "
                + "of 0.50% to 10.00% for its type and the borrower's industry (INVENTION_PATENT)"));
        assertTrue(reason(Policies.decide(Case.strong().bankValuation(v -> life(v, "20"))),
                "VAL-PLAUSIBILITY-003").messageEn().contains("economic life of 20.0 years, beyond the 15.0 years"));
    }

    @Test
    void marksHaveNoLegalLifeToExceedAndATypeWithoutARangeHasNoRoyaltyCheck() {
        Case c = Case.strong();
        c.valuations.add(new ValuationAssumptions(c.trademark().id, "BANK", null, null, new BigDecimal("0.30"),
                new BigDecimal("40"), null, null, null));
        Map<String, ValuationGovernancePolicy.RateRange> onlyPatents = Map.of("INVENTION_PATENT",
                new ValuationGovernancePolicy.RateRange(new BigDecimal("0.005"), new BigDecimal("0.10")));
        c.params(p -> governance(p, new ValuationGovernancePolicy(new BigDecimal("1"), onlyPatents,
                new BigDecimal("3"), 12)));
        Decision d = Policies.decide(c);
        assertFalse(d.firedRuleIds().contains("VAL-PLAUSIBILITY-002"), d.firedRuleIds()::toString);
        assertFalse(d.firedRuleIds().contains("VAL-PLAUSIBILITY-003"), d.firedRuleIds()::toString);
        assertEquals(Outcome.APPROVE, d.outcome());
    }

    @Test
    void theRoyaltyRangeFollowsTheBorrowersIndustry() {
        // 12 %: beyond an invention's range in general, within a pharmaceutical one's (key C27:INVENTION_PATENT)
        Decision general = Policies.decide(Case.strong().bankValuation(v -> royalty(v, "0.12")));
        assertTrue(general.firedRuleIds().contains("VAL-PLAUSIBILITY-002"), general.firedRuleIds()::toString);
        Decision pharma = Policies.decide(Case.strong().industry("C2710").bankValuation(v -> royalty(v, "0.12")));
        assertFalse(pharma.firedRuleIds().contains("VAL-PLAUSIBILITY-002"), pharma.firedRuleIds()::toString);
        Decision tooHigh = Policies.decide(Case.strong().industry("C2710").bankValuation(v -> royalty(v, "0.20")));
        assertTrue(reason(tooHigh, "VAL-PLAUSIBILITY-002").messageEn().contains("1.00% to 15.00% for its type and "
                + "the borrower's industry (C27:INVENTION_PATENT)"), () -> reason(tooHigh, "VAL-PLAUSIBILITY-002")
                .messageEn());
        // a section-level key applies to every division of it without its own
        Map<String, ValuationGovernancePolicy.RateRange> ranges = new java.util.HashMap<>(
                ValuationGovernancePolicy.defaults().royaltyRateRangeByIpType());
        ranges.put("C:INVENTION_PATENT", new ValuationGovernancePolicy.RateRange(new BigDecimal("0.05"),
                new BigDecimal("0.20")));
        ValuationGovernancePolicy g = ValuationGovernancePolicy.defaults();
        Case manufacturing = Case.strong().params(p -> governance(p, new ValuationGovernancePolicy(
                g.maxRevenueShareOfBorrower(), ranges, g.maxMultipleOfDeskValue(), g.appraisalValidityMonths())));
        Decision belowSection = Policies.decide(manufacturing.bankValuation(v -> royalty(v, "0.04")));
        assertTrue(reason(belowSection, "VAL-PLAUSIBILITY-002").messageEn().contains("(C:INVENTION_PATENT)"),
                () -> reason(belowSection, "VAL-PLAUSIBILITY-002").messageEn());
    }

    @Test
    void theBoundsAreParameters() {
        Case c = Case.strong().bankValuation(v -> revenue(v, "60000000.00"));
        assertTrue(Policies.decide(c).firedRuleIds().contains("VAL-PLAUSIBILITY-001"));
        ValuationGovernancePolicy g = ValuationGovernancePolicy.defaults();
        c.params(p -> governance(p, new ValuationGovernancePolicy(new BigDecimal("1.50"),
                g.royaltyRateRangeByIpType(), g.maxMultipleOfDeskValue(), g.appraisalValidityMonths())));
        assertFalse(Policies.decide(c).firedRuleIds().contains("VAL-PLAUSIBILITY-001"));
    }

    @Test
    void parametersStoredBeforeValuationGovernanceReadAsTheDefaults() {
        PolicyParameters old = governance(PolicyParameters.defaults(), null);
        assertEquals(ValuationGovernancePolicy.defaults(), old.valuationGovernanceOrDefaults());
        assertTrue(old.problems().isEmpty());
        Decision d = Policies.decide(Case.strong().params(p -> old).bankValuation(v -> royalty(v, "0.25")));
        assertTrue(d.firedRuleIds().contains("VAL-PLAUSIBILITY-002"));
    }

    @Test
    void badGovernanceParametersAreNamed() {
        PolicyParameters bad = governance(PolicyParameters.defaults(), new ValuationGovernancePolicy(
                new BigDecimal("0"), Map.of("SOFTWARE", new ValuationGovernancePolicy.RateRange(
                        new BigDecimal("0.2"), new BigDecimal("0.1")), "Z9:TRADEMARK", new ValuationGovernancePolicy.RateRange(
                        new BigDecimal("0.01"), new BigDecimal("0.1"))), new BigDecimal("0.5"), 0));
        List<String> fields = bad.problems().stream().map(Problem::field).sorted().toList();
        assertEquals(List.of("valuationGovernance.appraisalValidityMonths",
                "valuationGovernance.maxMultipleOfDeskValue", "valuationGovernance.maxRevenueShareOfBorrower",
                "valuationGovernance.royaltyRateRangeByIpType.SOFTWARE",
                "valuationGovernance.royaltyRateRangeByIpType.SOFTWARE.min",
                "valuationGovernance.royaltyRateRangeByIpType.Z9:TRADEMARK"), fields);
    }

    private static PolicyParameters governance(PolicyParameters p, ValuationGovernancePolicy g) {
        return Params.governance(p, g);
    }

    private static Reason reason(Decision d, String ruleId) {
        return d.reasons().stream().filter(r -> r.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError(ruleId + " gave no reason: " + d.firedRuleIds()));
    }
}
