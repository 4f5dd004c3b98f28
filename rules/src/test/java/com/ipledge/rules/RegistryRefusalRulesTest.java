package com.ipledge.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.rules.params.RegistryPolicy;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Each registry refusal ground: the rule fires on a filing with that defect and not on the clean one. */
class RegistryRefusalRulesTest {
    private static final String OWNER = "91530100MA6NXXXX1A";
    private static final String CO_OWNER = "91110000100000000X";
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 7);

    /** A granted invention patent in force until 2037, pledged by its sole owner for a debt due 2027-12-07. */
    private static PledgeFiling patent() {
        return new PledgeFiling("ZL201710601862.3", IpType.INVENTION_PATENT, PledgeRegistry.CNIPA,
                LegalStatus.VALID, OWNER, List.of(OWNER), List.of(), false, false, false, false, false, TODAY,
                TODAY.plusYears(1), LocalDate.of(2037, 7, 20));
    }

    /** A registered work protected until 2070-12-31, pledged by its owner. */
    private static PledgeFiling work() {
        return new PledgeFiling("国作登字-2020-F-00012345", IpType.TRADEMARK, PledgeRegistry.COPYRIGHT_CENTRE,
                LegalStatus.VALID, OWNER, List.of(OWNER), List.of(), false, false, false, false, false, TODAY,
                TODAY.plusYears(1), LocalDate.of(2070, 12, 31));
    }

    private static PledgeFiling with(PledgeFiling f, UnaryOperator<Builder> change) {
        return change.apply(new Builder(f)).build();
    }

    /** A mutable copy of a filing, for one change per case. */
    static final class Builder {
        LegalStatus status;
        String pledgor;
        List<String> owners;
        List<String> consents;
        boolean disputed;
        boolean preserved;
        boolean pledgedElsewhere;
        boolean sameDay;
        boolean acknowledged;
        LocalDate debtEndsOn;
        LocalDate rightEndsOn;
        private final PledgeFiling f;

        Builder(PledgeFiling f) {
            this.f = f;
            status = f.legalStatus();
            pledgor = f.pledgorCreditCode();
            owners = f.ownerCreditCodes();
            consents = f.consentingOwnerCreditCodes();
            disputed = f.ownershipDisputed();
            preserved = f.preserved();
            pledgedElsewhere = f.pledgedElsewhere();
            sameDay = f.sameDayDualFiling();
            acknowledged = f.riskAcknowledged();
            debtEndsOn = f.debtEndsOn();
            rightEndsOn = f.rightEndsOn();
        }

        Builder status(LegalStatus s) {
            status = s;
            return this;
        }

        PledgeFiling build() {
            return new PledgeFiling(f.assetId(), f.type(), f.registry(), status, pledgor, owners, consents, disputed,
                    preserved, pledgedElsewhere, sameDay, acknowledged, f.filedOn(), debtEndsOn, rightEndsOn);
        }
    }

    record RuleCase(String ruleId, PledgeFiling fires, PledgeFiling doesNotFire) {
    }

    static final List<RuleCase> CASES = List.of(
            new RuleCase("REG-PAT-OWNER-001", with(patent(), b -> { b.pledgor = CO_OWNER; return b; }), patent()),
            new RuleCase("REG-PAT-ENDED-001", with(patent(), b -> b.status(LegalStatus.LAPSED)), patent()),
            // the term ran out yesterday, though the register was not updated: ended all the same
            new RuleCase("REG-PAT-ENDED-001", with(patent(), b -> { b.rightEndsOn = TODAY.minusDays(1); return b; }),
                    with(patent(), b -> { b.rightEndsOn = TODAY; b.debtEndsOn = TODAY; return b; })),
            new RuleCase("REG-PAT-ENDED-001", with(patent(), b -> b.status(LegalStatus.INVALIDATED)), patent()),
            new RuleCase("REG-PAT-GRANT-001", with(patent(), b -> b.status(LegalStatus.PENDING)), patent()),
            new RuleCase("REG-PAT-FEE-001", with(patent(), b -> b.status(LegalStatus.FEE_OVERDUE)), patent()),
            new RuleCase("REG-PAT-SUSPEND-001", with(patent(), b -> { b.disputed = true; return b; }), patent()),
            new RuleCase("REG-PAT-SUSPEND-001", with(patent(), b -> { b.preserved = true; return b; }), patent()),
            // due the day after the term ends is refused; due on the last day of the term is not
            new RuleCase("REG-PAT-TERM-001",
                    with(patent(), b -> { b.debtEndsOn = LocalDate.of(2037, 7, 21); return b; }),
                    with(patent(), b -> { b.debtEndsOn = LocalDate.of(2037, 7, 20); return b; })),
            new RuleCase("REG-PAT-COOWNER-001",
                    with(patent(), b -> { b.owners = List.of(OWNER, CO_OWNER); return b; }),
                    with(patent(), b -> { b.owners = List.of(OWNER, CO_OWNER); b.consents = List.of(CO_OWNER);
                        return b; })),
            new RuleCase("REG-PLEDGED-001", with(patent(), b -> b.status(LegalStatus.PLEDGED)), patent()),
            new RuleCase("REG-PLEDGED-001", with(work(), b -> { b.pledgedElsewhere = true; return b; }), work()),
            new RuleCase("REG-PAT-RISK-001", with(patent(), b -> { b.sameDay = true; return b; }),
                    with(patent(), b -> { b.sameDay = true; b.acknowledged = true; return b; })),
            new RuleCase("REG-PAT-RISK-001", with(patent(), b -> b.status(LegalStatus.INVALIDATION_FILED)),
                    with(patent(), b -> { b.acknowledged = true; return b.status(LegalStatus.INVALIDATION_FILED); })),
            new RuleCase("REG-CR-OWNER-001", with(work(), b -> { b.pledgor = CO_OWNER; return b; }), work()),
            new RuleCase("REG-CR-EXPIRED-001", with(work(), b -> b.status(LegalStatus.EXPIRED)), work()),
            new RuleCase("REG-CR-EXPIRED-001",
                    with(work(), b -> { b.rightEndsOn = LocalDate.of(2025, 12, 31); return b; }), work()),
            new RuleCase("REG-CR-TERM-001",
                    with(work(), b -> { b.rightEndsOn = TODAY.plusMonths(6); return b; }),
                    with(work(), b -> { b.rightEndsOn = TODAY.plusYears(1); return b; })),
            new RuleCase("REG-CR-DISPUTE-001", with(work(), b -> { b.disputed = true; return b; }), work()));

    private static FilingCheck check(PolicyParameters parameters, PledgeFiling... filings) {
        return Policies.POLICY.checkFiling(new FilingInput(List.of(filings), parameters));
    }

    private static FilingCheck check(PledgeFiling... filings) {
        return check(PolicyParameters.defaults(), filings);
    }

    @TestFactory
    Stream<DynamicTest> eachRefusalFiresAndDoesNotFire() {
        return CASES.stream().flatMap(rc -> Stream.of(
                DynamicTest.dynamicTest(rc.ruleId() + " fires", () -> {
                    FilingCheck c = check(rc.fires());
                    assertTrue(c.firedRuleIds().contains(rc.ruleId()), c.firedRuleIds()::toString);
                    assertTrue(c.refused());
                    Reason r = c.refusals().stream().filter(x -> x.ruleId().equals(rc.ruleId())).findFirst()
                            .orElseThrow();
                    assertEquals(Effect.DECLINE, r.effect());
                    assertEquals(rc.fires().assetId(), r.assetId());
                    assertFalse(r.messageZh().isBlank());
                    assertFalse(r.messageEn().isBlank());
                }),
                DynamicTest.dynamicTest(rc.ruleId() + " does not fire", () -> {
                    FilingCheck c = check(rc.doesNotFire());
                    assertFalse(c.firedRuleIds().contains(rc.ruleId()), c.firedRuleIds()::toString);
                })));
    }

    @Test
    void everyRegistryRuleHasACase() {
        Set<String> covered = CASES.stream().map(RuleCase::ruleId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> registry = Policies.POLICY.ruleIds().stream().filter(id -> id.startsWith("REG-"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(registry, covered);
    }

    @Test
    void aCleanFilingFiresNothing() {
        FilingCheck c = check(patent(), work());
        assertEquals(List.of(), c.firedRuleIds());
        assertFalse(c.refused());
        assertEquals("defaults-2026.1", c.parametersVersion());
    }

    @Test
    void patentGroundsDoNotApplyToCopyrightsNorTheReverse() {
        FilingCheck c = check(with(work(), b -> b.status(LegalStatus.FEE_OVERDUE)),
                with(patent(), b -> { b.disputed = false; b.rightEndsOn = LocalDate.of(2037, 7, 20); return b; }));
        assertEquals(List.of(), c.firedRuleIds());
    }

    @Test
    void theTermMarginIsPolicyData() {
        PledgeFiling dueTenDaysBeforeTheEnd = with(patent(), b -> {
            b.debtEndsOn = LocalDate.of(2037, 7, 10);
            return b;
        });
        assertFalse(check(dueTenDaysBeforeTheEnd).firedRuleIds().contains("REG-PAT-TERM-001"));
        PolicyParameters p = PolicyParameters.defaults();
        PolicyParameters thirtyDays = Params.registry(p, new RegistryPolicy(30));
        assertTrue(check(thirtyDays, dueTenDaysBeforeTheEnd).firedRuleIds().contains("REG-PAT-TERM-001"));
    }

    @Test
    void filingFactsNeverTriggerDecisionOrMonitoringRules() {
        FilingCheck c = check(with(patent(), b -> b.status(LegalStatus.LAPSED)));
        assertTrue(c.firedRuleIds().stream().allMatch(id -> id.startsWith("REG-")), c.firedRuleIds()::toString);
    }

    @Test
    void aMalformedFilingNamesTheField() {
        PledgeFiling noPledgor = with(patent(), b -> { b.pledgor = " "; return b; });
        InvalidInputException e = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                () -> check(noPledgor));
        assertEquals("filings[0].pledgorCreditCode", e.problems().get(0).field());
    }
}
