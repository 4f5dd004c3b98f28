package com.ipledge.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.rules.sme.SizeClass;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every decision rule, made to fire and made not to fire, asserted through the fired rule ids that the engine's
 * AgendaEventListener records. Each case starts from {@link Case#strong()}.
 */
class DecisionRulesTest {

    record RuleCase(String ruleId, Consumer<Case> fires, Consumer<Case> doesNotFire) {
    }

    private static Case.Asset gi() {
        Case.Asset gi = new Case.Asset("GI-2019-0042", IpType.GEOGRAPHICAL_INDICATION).life("8")
                .value("1000000.00", "1200000.00", "65");
        gi.owner = "51530000ASSOCIATN7";
        gi.member = true;
        gi.associationConsent = true;
        return gi;
    }

    private static Case.Asset software(String life) {
        return new Case.Asset("2019SR0322683", IpType.SOFTWARE_COPYRIGHT).life(life)
                .value("1000000.00", "1200000.00", "82");
    }

    static final List<RuleCase> CASES = List.of(
            new RuleCase("ELIG-BORROWER-001", c -> c.size = SizeClass.LARGE, c -> c.size = SizeClass.MEDIUM),
            new RuleCase("ELIG-BORROWER-002", c -> c.yearsInBusiness = 1, c -> c.yearsInBusiness = 2),
            new RuleCase("ELIG-CREDIT-001", c -> c.overdue = true, c -> c.overdue = false),
            new RuleCase("ELIG-CREDIT-002", c -> c.yearsSinceDefault = 2, c -> c.yearsSinceDefault = 3),
            new RuleCase("ELIG-CREDIT-003", c -> c.dishonest = true, c -> c.dishonest = false),
            new RuleCase("ELIG-RISK-001", c -> c.pd = new BigDecimal("0.20"), c -> c.pd = new BigDecimal("0.15")),
            new RuleCase("ELIG-RISK-002", c -> c.pd = new BigDecimal("0.08"), c -> c.pd = new BigDecimal("0.05")),
            new RuleCase("ELIG-TERM-001", c -> c.termMonths = 48, c -> c.termMonths = 36),
            new RuleCase("ELIG-INDUSTRY-001", c -> c.eco = EcoIndustry.CLEAN_ENERGY,
                    c -> {
                        c.eco = EcoIndustry.CLEAN_ENERGY;
                        c.params(p -> Params.favoured(p, List.of("DATA_INFORMATION")));
                    }),
            new RuleCase("COLL-STATUS-001", c -> c.patent().status = LegalStatus.LAPSED,
                    c -> c.patent().status = LegalStatus.VALID),
            new RuleCase("COLL-STATUS-002", c -> c.patent().status = LegalStatus.INVALIDATED,
                    c -> c.patent().status = LegalStatus.VALID),
            new RuleCase("COLL-STATUS-003", c -> c.patent().status = LegalStatus.INVALIDATION_FILED,
                    c -> c.patent().status = LegalStatus.VALID),
            new RuleCase("COLL-STATUS-004", c -> c.trademark().status = LegalStatus.PLEDGED,
                    c -> c.trademark().status = LegalStatus.VALID),
            new RuleCase("COLL-STATUS-005", c -> c.patent().status = LegalStatus.PENDING,
                    c -> c.patent().status = LegalStatus.VALID),
            new RuleCase("COLL-STATUS-006", c -> c.patent().status = LegalStatus.IN_LITIGATION,
                    c -> c.patent().status = LegalStatus.VALID),
            new RuleCase("COLL-FEE-001", c -> c.patent().feePaid = false, c -> c.trademark().feePaid = false),
            new RuleCase("COLL-OWNER-001", c -> c.trademark().owner = "91110000OTHERFIRM2",
                    c -> c.trademark().owner = Case.BORROWER),
            new RuleCase("COLL-GI-001", c -> {
                c.assets.add(gi());
                c.assets.get(2).member = false;
            }, c -> c.assets.add(gi())),
            new RuleCase("COLL-GI-002", c -> {
                c.assets.add(gi());
                c.assets.get(2).associationConsent = false;
            }, c -> c.assets.add(gi())),
            new RuleCase("COLL-COOWNER-001", c -> c.patent().coOwned = true, c -> {
                c.patent().coOwned = true;
                c.patent().coOwnersConsent = true;
            }),
            new RuleCase("COLL-LIFE-001", c -> c.patent().life("2.9"), c -> c.patent().life("3")),
            new RuleCase("COLL-LIFE-002", c -> c.patent().life("7.9"), c -> c.patent().life("8")),
            new RuleCase("COLL-TERM-001", c -> c.assets.add(software("1.4")), c -> c.assets.add(software("1.5"))),
            new RuleCase("COLL-TERM-002", c -> c.assets.add(software("4.9")), c -> c.assets.add(software("5"))),
            new RuleCase("COLL-RENEW-001", c -> c.trademark().life("2.5"), c -> c.trademark().life("3")),
            new RuleCase("COLL-USE-001", c -> c.trademark().inUse = false, c -> c.patent().inUse = false),
            new RuleCase("COLL-VAL-001", c -> c.patent().value(null, null, null),
                    c -> c.patent().value("5000000.00", null, "85")),
            new RuleCase("COLL-VAL-002", c -> c.patent().value("5000000.01", "5000000.00", "85"),
                    c -> c.patent().value("5000000.00", "5000000.00", "85")),
            new RuleCase("LIMIT-LTV-001", c -> { }, c -> c.eco = EcoIndustry.ADVANCED_MANUFACTURING),
            new RuleCase("LIMIT-LTV-002", c -> c.eco = EcoIndustry.ADVANCED_MANUFACTURING, c -> { }),
            new RuleCase("LIMIT-CONC-001", c -> c.patent().value("7000000.00", null, "85"), c -> { }),
            new RuleCase("LIMIT-CONC-002", c -> {
                c.patent().value("7000000.00", null, "85");
                c.params(p -> Params.concentration(p, "CAP", "0.60"));
            }, c -> c.params(p -> Params.concentration(p, "CAP", "0.60"))),
            new RuleCase("LIMIT-CALC-001", c -> { }, c -> c.overdue = true),
            new RuleCase("LIMIT-BIND-001", c -> { }, c -> c.requested = new BigDecimal("5000000.00")),
            new RuleCase("LIMIT-BIND-002", c -> c.requested = new BigDecimal("5000000.00"), c -> { }),
            new RuleCase("LIMIT-BIND-003", c -> c.params(p -> Params.maxLoan(p, "1000000.00")), c -> { }),
            new RuleCase("LIMIT-BIND-004", c -> c.quota = new BigDecimal("500000.00"), c -> { }),
            new RuleCase("LIMIT-GI-CAPACITY-001", c -> c.assets.add(gi().capacity("2500000.00", "1000000.00")),
                    c -> c.assets.add(gi().capacity("3000000.00", "1000000.00"))),
            new RuleCase("LIMIT-ZERO-001", c -> c.quota = new BigDecimal("0.00"), c -> { }),
            new RuleCase("PRICE-RATE-001", c -> { }, c -> c.eco = EcoIndustry.DATA_INFORMATION),
            new RuleCase("PRICE-ECO-001", c -> c.eco = EcoIndustry.DATA_INFORMATION, c -> { }),
            new RuleCase("PRICE-GRADE-001", c -> c.grade = "D", c -> c.grade = "C3"),
            new RuleCase("RISK-SHARE-001", c -> { }, c -> c.params(p -> Params.schemes(p, List.of()))),
            new RuleCase("RISK-SHARE-002", c -> c.params(p -> Params.schemes(p, List.of())), c -> { }),
            new RuleCase("COND-INSURANCE-001", c -> c.insurance = true, c -> { }),
            new RuleCase("COND-GUARANTEE-001", c -> c.eco = EcoIndustry.CLEAN_PRODUCTION, c -> { }),
            new RuleCase("COND-POOL-001", c -> c.insurance = true, c -> c.eco = EcoIndustry.CLEAN_PRODUCTION),
            new RuleCase("COND-PLEDGE-001", c -> { }, c -> c.patent().status = LegalStatus.PLEDGED),
            new RuleCase("COND-PLEDGE-002", c -> c.assets.add(software("6")), c -> { }),
            new RuleCase("COND-PLEDGE-003", c -> c.assets.add(new Case.Asset("DIP-GS-2025-000123", IpType.DATA_IP)
                    .life("2").value("500000.00", "600000.00", "70")), c -> { }),
            new RuleCase("VAL-PLAUSIBILITY-001", c -> c.bankValuation(v -> ValuationPlausibilityTest.revenue(v,
                    "40000000.01")), c -> c.bankValuation(v -> ValuationPlausibilityTest.revenue(v, "40000000.00"))),
            new RuleCase("VAL-PLAUSIBILITY-002", c -> c.bankValuation(v -> ValuationPlausibilityTest.royalty(v,
                    "0.1001")), c -> c.bankValuation(v -> ValuationPlausibilityTest.royalty(v, "0.10"))),
            new RuleCase("VAL-PLAUSIBILITY-003", c -> c.bankValuation(v -> ValuationPlausibilityTest.life(v,
                    "15.01")), c -> c.bankValuation(v -> ValuationPlausibilityTest.life(v, "15"))),
            new RuleCase("VAL-PLAUSIBILITY-004", c -> c.bankValuation(v -> ValuationPlausibilityTest.value(v,
                    "9000000.01")), c -> c.bankValuation(v -> ValuationPlausibilityTest.value(v, "9000000.00"))),
            new RuleCase("OUTCOME-DECLINE-001", c -> c.patent().status = LegalStatus.LAPSED, c -> { }),
            new RuleCase("OUTCOME-REFER-001", c -> c.patent().feePaid = false, c -> { }),
            new RuleCase("OUTCOME-APPROVE-001", c -> { }, c -> c.patent().feePaid = false));

    @TestFactory
    Stream<DynamicTest> eachRuleFiresAndDoesNotFire() {
        return CASES.stream().flatMap(rc -> Stream.of(
                DynamicTest.dynamicTest(rc.ruleId() + " fires", () -> {
                    Case c = Case.strong();
                    rc.fires().accept(c);
                    Decision d = Policies.decide(c);
                    assertTrue(d.firedRuleIds().contains(rc.ruleId()), () -> "fired: " + d.firedRuleIds());
                    assertExplained(rc.ruleId(), d);
                }),
                DynamicTest.dynamicTest(rc.ruleId() + " does not fire", () -> {
                    Case c = Case.strong();
                    rc.doesNotFire().accept(c);
                    Decision d = Policies.decide(c);
                    assertFalse(d.firedRuleIds().contains(rc.ruleId()), () -> "fired: " + d.firedRuleIds());
                    assertTrue(d.reasons().stream().noneMatch(r -> r.ruleId().equals(rc.ruleId())));
                })));
    }

    /** A fired rule leaves a reason or condition in Chinese and English. */
    private static void assertExplained(String ruleId, Decision d) {
        List<String[]> texts = Stream.concat(
                d.reasons().stream().filter(r -> r.ruleId().equals(ruleId))
                        .map(r -> new String[] {r.messageZh(), r.messageEn()}),
                d.conditions().stream().filter(r -> r.ruleId().equals(ruleId))
                        .map(r -> new String[] {r.messageZh(), r.messageEn()})).toList();
        assertFalse(texts.isEmpty(), "no reason or condition from " + ruleId);
        for (String[] t : texts) {
            assertTrue(t[0].codePoints().anyMatch(cp -> Character.UnicodeScript.of(cp) == Character.UnicodeScript.HAN),
                    "not Chinese: " + t[0]);
            assertTrue(t[1].matches("[\\x20-\\x7E∞]+") && t[1].length() > 10, "not English: " + t[1]);
        }
    }

    @Test
    void everyDecisionRuleHasACase() {
        Set<String> covered = CASES.stream().map(RuleCase::ruleId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> decisionRules = Policies.POLICY.ruleIds().stream()
                .filter(id -> !id.startsWith("MON-") && !id.startsWith("REG-"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(decisionRules, covered);
    }

    @Test
    void theStrongCaseFiresExactlyTheApprovalChain() {
        Decision d = Policies.decide(Case.strong());
        assertEquals(Set.of("LIMIT-LTV-001", "LIMIT-CALC-001", "LIMIT-BIND-001", "PRICE-RATE-001", "RISK-SHARE-001",
                "COND-POOL-001", "COND-PLEDGE-001", "OUTCOME-APPROVE-001"), Set.copyOf(d.firedRuleIds()));
        assertEquals("OUTCOME-APPROVE-001", d.firedRuleIds().get(d.firedRuleIds().size() - 1));
    }

    @Test
    void aLargeFirmIsDeclinedOrReferredAsTheParameterSays() {
        Case declined = Case.strong();
        declined.size = SizeClass.LARGE;
        assertEquals(Outcome.DECLINE, Policies.decide(declined).outcome());
        Case referred = Case.strong();
        referred.size = SizeClass.LARGE;
        referred.params(p -> Params.largeFirmAction(p, "REFER"));
        Decision d = Policies.decide(referred);
        assertEquals(Outcome.REFER, d.outcome());
        assertEquals(Effect.REFER, d.reasons().stream().filter(r -> r.ruleId().equals("ELIG-BORROWER-001"))
                .findFirst().orElseThrow().effect());
    }

    @Test
    void expiredAndFeeOverdueStatusesAlsoFire() {
        Case expired = Case.strong();
        expired.trademark().status = LegalStatus.EXPIRED;
        assertTrue(Policies.decide(expired).firedRuleIds().contains("COLL-STATUS-001"));
        Case overdue = Case.strong();
        overdue.patent().status = LegalStatus.FEE_OVERDUE;
        Decision d = Policies.decide(overdue);
        assertTrue(d.firedRuleIds().contains("COLL-FEE-001"));
        assertTrue(d.conditions().stream().anyMatch(c -> c.ruleId().equals("COLL-FEE-001")
                && c.assetId().equals("ZL201710601862.3")));
    }

    @Test
    void aGiHeldByTheBorrowerItselfNeedsNoConsent() {
        Case c = Case.strong();
        Case.Asset gi = gi();
        gi.owner = Case.BORROWER;
        gi.member = false;
        gi.associationConsent = false;
        c.assets.add(gi);
        Decision d = Policies.decide(c);
        assertFalse(d.firedRuleIds().contains("COLL-GI-001"));
        assertFalse(d.firedRuleIds().contains("COLL-GI-002"));
        assertFalse(d.firedRuleIds().contains("COLL-OWNER-001"));
    }

    @Test
    void aSoftwareCopyrightLendsAtItsOwnCapFromTheWiderCollateralPolicy() {
        Case c = Case.strong();
        c.assets.add(software("45"));
        Decision d = Policies.decide(c);
        CollateralLimit limit = d.collateralLimits().stream().filter(l -> l.type() == IpType.SOFTWARE_COPYRIGHT)
                .findFirst().orElseThrow();
        assertEquals(0, new BigDecimal("0.30").compareTo(limit.ltvCap()));
        assertFalse(d.firedRuleIds().contains("COLL-RENEW-001"));
    }

    @Test
    void aGiMemberCapacityCapsTheLimitAtWhatIsLeftOfItAndNamesTheFigures() {
        Case c = Case.strong();
        c.assets.add(gi().capacity("2500000.00", "1000000.00"));
        Decision d = Policies.decide(c);
        assertEquals(Outcome.APPROVE, d.outcome());
        assertEquals(new BigDecimal("1500000.00"), d.approvedLimit());
        assertEquals(LimitBinding.GI_CAPACITY, d.limitBinding());
        Reason r = d.reasons().stream().filter(x -> x.ruleId().equals("LIMIT-GI-CAPACITY-001")).findFirst()
                .orElseThrow();
        assertEquals(Effect.INFO, r.effect());
        assertEquals("GI-2019-0042", r.assetId());
        assertTrue(r.messageEn().contains("2,500,000.00") && r.messageEn().contains("1,000,000.00")
                && r.messageEn().contains("2,000,000.00") && r.messageEn().contains("1,500,000.00"), r.messageEn());
        assertTrue(r.messageZh().contains("2,500,000.00") && r.messageZh().contains("已用1,000,000.00"),
                r.messageZh());
        assertFalse(d.firedRuleIds().contains("LIMIT-BIND-001"));
    }

    @Test
    void aGiMemberCapacityUsedUpLeavesNothingToLendAndRefers() {
        Case c = Case.strong();
        c.assets.add(gi().capacity("1000000.00", "1200000.00"));
        Decision d = Policies.decide(c);
        assertEquals(Outcome.REFER, d.outcome());
        assertEquals(new BigDecimal("0.00"), d.approvedLimit());
        assertTrue(d.firedRuleIds().containsAll(List.of("LIMIT-GI-CAPACITY-001", "LIMIT-ZERO-001")),
                () -> "fired: " + d.firedRuleIds());
    }

    @Test
    void aLimitBoundBelowTheCapacityLeftIsNotCapped() {
        Case c = Case.strong();
        c.requested = new BigDecimal("500000.00");
        c.assets.add(gi().capacity("600000.00", "0.00"));
        Decision d = Policies.decide(c);
        assertEquals(new BigDecimal("500000.00"), d.approvedLimit());
        assertEquals(LimitBinding.REQUESTED, d.limitBinding());
        assertFalse(d.firedRuleIds().contains("LIMIT-GI-CAPACITY-001"));
    }

    @Test
    void aCopyrightOnlyLoanIsRegisteredWithTheCpccNotCnipa() {
        Case c = Case.strong();
        c.assets.clear();
        c.assets.add(software("6"));
        Decision d = Policies.decide(c);
        assertTrue(d.firedRuleIds().contains("COND-PLEDGE-002"), d.firedRuleIds()::toString);
        assertFalse(d.firedRuleIds().contains("COND-PLEDGE-001"), d.firedRuleIds()::toString);
        assertTrue(d.conditions().stream().anyMatch(x -> x.messageEn().contains("Copyright Protection Center")),
                d.conditions()::toString);
    }
}
