package com.ipledge.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OutcomeTest {

    private static BigDecimal money(String s) {
        return new BigDecimal(s);
    }

    @Test
    void aLapsedPatentDeclines() {
        Case c = Case.strong();
        c.patent().status = LegalStatus.LAPSED;
        Decision d = Policies.decide(c);
        assertEquals(Outcome.DECLINE, d.outcome());
        assertEquals(money("0.00"), d.approvedLimit());
        assertNull(d.ltv());
        assertNull(d.interestRate());
        assertNull(d.riskShare());
        assertTrue(d.firedRuleIds().containsAll(List.of("COLL-STATUS-001", "OUTCOME-DECLINE-001")));
        assertFalse(d.firedRuleIds().contains("LIMIT-CALC-001"));
        Reason first = d.reasons().get(0);
        assertEquals("COLL-STATUS-001", first.ruleId());
        assertEquals(Effect.DECLINE, first.effect());
        assertEquals("ZL201710601862.3", first.assetId());
        assertEquals("发明专利 ZL201710601862.3 的权利已终止（LAPSED），无可质押的权利", first.messageZh());
    }

    @ParameterizedTest
    @CsvSource({"12, 2.5", "12, 2.99", "36, 4.5", "36, 4.99"})
    void aPatentExpiringBeforeTermPlusMarginDoesNotApprove(int termMonths, String remainingYears) {
        Case c = Case.strong();
        c.termMonths = termMonths;
        c.patent().life(remainingYears);
        Decision d = Policies.decide(c);
        assertNotEquals(Outcome.APPROVE, d.outcome());
        assertTrue(d.firedRuleIds().contains("COLL-LIFE-001"), d.firedRuleIds()::toString);
    }

    @Test
    void aStrongApplicationApprovesWithinTheLtvCap() {
        Decision d = Policies.decide(Case.strong());
        assertEquals(Outcome.APPROVE, d.outcome());
        assertEquals(money("2000000.00"), d.approvedLimit());
        assertEquals(new BigDecimal("0.2500"), d.ltv());
        assertEquals(money("8000000.00"), d.totalCollateralValue());
        assertEquals(money("2700000.00"), d.lendingValue());
        assertEquals(List.of(
                new CollateralLimit("ZL201710601862.3", IpType.INVENTION_PATENT, money("5000000.00"), "A",
                        new BigDecimal("0.30"), money("1500000.00"), money("1500000.00")),
                new CollateralLimit("TM-12345678", IpType.TRADEMARK, money("3000000.00"), "B",
                        new BigDecimal("0.40"), money("1200000.00"), money("1200000.00"))), d.collateralLimits());
        BigDecimal cappedSum = d.collateralLimits().stream()
                .map(l -> l.collateralValue().multiply(l.ltvCap())).reduce(BigDecimal.ZERO, BigDecimal::add);
        assertTrue(d.approvedLimit().compareTo(cappedSum) <= 0);
        assertEquals(List.of("COND-PLEDGE-001", "COND-POOL-001"), d.conditions().stream().map(Condition::ruleId).toList());
        assertEquals("放款前须向国家知识产权局办理质押登记", d.conditions().get(0).messageZh());
        assertEquals(Policies.POLICY.ruleBaseVersion(), d.ruleBaseVersion());
        assertEquals("defaults-2026.1", d.parametersVersion());
    }

    @Test
    void theSameInputGivesTheSameDecision() {
        DecisionInput input = Case.strong().input();
        Decision first = Policies.POLICY.decide(input);
        for (int i = 0; i < 20; i++) {
            assertEquals(first, Policies.POLICY.decide(input));
        }
        assertEquals(first, CreditPolicy.load().decide(input));
        Case referred = Case.strong();
        referred.patent().feePaid = false;
        referred.trademark().inUse = false;
        referred.pd = new BigDecimal("0.07");
        assertEquals(Policies.decide(referred), Policies.decide(referred));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({
        "REQUESTED,      2000000.00, 10000000.00, 50000000.00, 2000000.00, 0.2500, LIMIT-BIND-001",
        "COLLATERAL,     5000000.00, 10000000.00, 50000000.00, 2700000.00, 0.3375, LIMIT-BIND-002",
        "POLICY_MAXIMUM, 2000000.00,  1000000.00, 50000000.00, 1000000.00, 0.1250, LIMIT-BIND-003",
        "QUOTA,          2000000.00, 10000000.00,   500000.00,  500000.00, 0.0625, LIMIT-BIND-004"})
    void theLimitIsTheMinimumOfItsFourTerms(LimitBinding binding, String requested, String policyMaximum,
                                            String quota, String limit, String ltv, String bindRule) {
        Case c = Case.strong();
        c.requested = money(requested);
        c.quota = money(quota);
        c.params(p -> Params.maxLoan(p, policyMaximum));
        Decision d = Policies.decide(c);
        assertEquals(Outcome.APPROVE, d.outcome());
        assertEquals(binding, d.limitBinding());
        assertEquals(money(limit), d.approvedLimit());
        assertEquals(new BigDecimal(ltv), d.ltv());
        assertEquals(List.of(bindRule), d.firedRuleIds().stream().filter(id -> id.startsWith("LIMIT-BIND")).toList());
    }

    @Test
    void aConcentrationCapHoldsTheLargestAssetAtItsShare() {
        Case c = Case.strong();
        c.requested = money("5000000.00");
        c.patent().value("7000000.00", null, "85");
        c.params(p -> Params.concentration(p, "CAP", "0.60"));
        Decision d = Policies.decide(c);
        assertEquals(Outcome.APPROVE, d.outcome());
        // 2,100,000 capped, but 0.6 / 0.4 x 1,200,000 = 1,800,000 is all it may count for
        assertEquals(money("1800000.00"), d.collateralLimits().get(0).lendingValue());
        assertEquals(money("2100000.00"), d.collateralLimits().get(0).cappedValue());
        assertEquals(money("3000000.00"), d.approvedLimit());
        assertEquals(LimitBinding.COLLATERAL, d.limitBinding());
    }

    @Test
    void aConcentratedBundleIsReferredWhenThePolicySaysRefer() {
        Case c = Case.strong();
        c.patent().value("7000000.00", null, "85");
        Decision d = Policies.decide(c);
        assertEquals(Outcome.REFER, d.outcome());
        assertEquals(money("2000000.00"), d.approvedLimit());
    }

    @Test
    void anItemWithoutAValuationIsReferredAndLendsNothing() {
        Case c = Case.strong();
        c.requested = money("5000000.00");
        c.patent().value(null, null, null);
        Decision d = Policies.decide(c);
        assertEquals(Outcome.REFER, d.outcome());
        assertEquals(money("1200000.00"), d.approvedLimit());
        assertEquals(1, d.collateralLimits().size());
        assertTrue(d.reasons().stream().anyMatch(r -> r.ruleId().equals("COLL-VAL-001")
                && r.effect() == Effect.REFER && r.assetId().equals("ZL201710601862.3")));

        Case none = Case.strong();
        none.patent().value(null, null, null);
        none.trademark().value(null, null, null);
        Decision nothing = Policies.decide(none);
        assertEquals(Outcome.REFER, nothing.outcome());
        assertEquals(money("0.00"), nothing.approvedLimit());
        assertNull(nothing.ltv());
        assertTrue(nothing.firedRuleIds().contains("LIMIT-ZERO-001"));
    }

    @ParameterizedTest
    @CsvSource({"A1, 0.0350", "A3, 0.0400", "B1, 0.0425", "B3, 0.0500", "C3, 0.0650"})
    void theRateIsTheReferenceRatePlusTheGradeSpread(String grade, String rate) {
        Case c = Case.strong();
        c.grade = grade;
        assertEquals(new BigDecimal(rate), Policies.decide(c).interestRate());
    }

    @Test
    void aFavouredEcoIndustryBorrowerGetsTheDiscountAndTheLtvBonus() {
        Case c = Case.strong();
        c.eco = EcoIndustry.TRADITIONAL_CHINESE_MEDICINE;
        c.requested = money("5000000.00");
        Decision d = Policies.decide(c);
        assertEquals(new BigDecimal("0.0400"), d.interestRate());
        assertEquals(new BigDecimal("0.35"), d.collateralLimits().get(0).ltvCap());
        assertEquals(new BigDecimal("0.45"), d.collateralLimits().get(1).ltvCap());
        assertEquals(money("3100000.00"), d.approvedLimit());
    }

    @Test
    void anUnpricedGradeIsReferredWithoutARate() {
        Case c = Case.strong();
        c.grade = "D";
        Decision d = Policies.decide(c);
        assertEquals(Outcome.REFER, d.outcome());
        assertNull(d.interestRate());
    }

    @Test
    void riskSharesAddUpToOne() {
        Case pool = Case.strong();
        Case insured = Case.strong();
        insured.insurance = true;
        Case eco = Case.strong();
        eco.eco = EcoIndustry.CLEAN_ENERGY;
        Case ecoTooLarge = Case.strong();
        ecoTooLarge.eco = EcoIndustry.CLEAN_ENERGY;
        ecoTooLarge.requested = money("12000000.00");
        Case none = Case.strong();
        none.params(p -> Params.schemes(p, List.of()));
        Map<Case, String> expected = Map.of(pool, "POOL_60_40", insured, "INSURED_POOL_54_26_16_4",
                eco, "GUARANTEE_4321", ecoTooLarge, "POOL_60_40", none, "NONE");
        expected.forEach((c, scheme) -> {
            RiskShare share = Policies.decide(c).riskShare();
            assertEquals(scheme, share.scheme());
            assertEquals(0, share.shares().values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                    .compareTo(BigDecimal.ONE), share::toString);
        });
        assertEquals(Map.of("APPRAISER", money("0.04"), "BANK", money("0.26"), "INSURER", money("0.16"),
                "RISK_COMPENSATION_POOL", money("0.54")), Policies.decide(insured).riskShare().shares());
        assertEquals(Map.of("BANK", money("0.60"), "RISK_COMPENSATION_POOL", money("0.40")),
                Policies.decide(pool).riskShare().shares());
    }

    @Test
    void reasonsListDeclinesFirstThenReferralsThenInformation() {
        Case c = Case.strong();
        c.patent().status = LegalStatus.PLEDGED;
        c.trademark().inUse = false;
        List<Effect> effects = Policies.decide(c).reasons().stream().map(Reason::effect).toList();
        assertEquals(List.of(Effect.DECLINE, Effect.REFER, Effect.INFO), effects);
    }
}
