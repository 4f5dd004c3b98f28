package com.ipledge.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.rules.params.PolicyParameters;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class MonitoringRulesTest {
    private static final String ASSET = "ZL201710601862.3";

    /** Outstanding 2,000,000 against collateral worth 8,000,000 at approval (LTV 0.25). */
    private static MonitoringInput loan(String currentValue, MonitoringEventType... events) {
        List<LegalStatusEvent> list = Stream.of(events)
                .map(t -> new LegalStatusEvent(ASSET, IpType.INVENTION_PATENT, t, LocalDate.of(2026, 11, 2)))
                .toList();
        return new MonitoringInput("LOAN-1", new BigDecimal("2000000.00"), new BigDecimal("0.2500"),
                new BigDecimal("8000000.00"), new BigDecimal(currentValue), list, PolicyParameters.defaults());
    }

    record RuleCase(String ruleId, MonitoringInput fires, MonitoringInput doesNotFire, Severity severity,
                    SuggestedAction action) {
    }

    static final List<RuleCase> CASES = List.of(
            event("MON-FEE-001", MonitoringEventType.FEE_OVERDUE, Severity.WARNING, SuggestedAction.WATCH),
            event("MON-FEE-002", MonitoringEventType.FEE_PAID, Severity.INFO, SuggestedAction.NONE),
            event("MON-LAPSE-001", MonitoringEventType.LAPSED, Severity.CRITICAL, SuggestedAction.FREEZE),
            event("MON-RESTORE-001", MonitoringEventType.RESTORED, Severity.INFO, SuggestedAction.WATCH),
            event("MON-INVAL-001", MonitoringEventType.INVALIDATION_FILED, Severity.HIGH, SuggestedAction.WATCH),
            event("MON-INVAL-002", MonitoringEventType.INVALIDATED, Severity.CRITICAL, SuggestedAction.FREEZE),
            event("MON-INVAL-003", MonitoringEventType.INVALIDATION_REJECTED, Severity.INFO, SuggestedAction.NONE),
            event("MON-LITIG-001", MonitoringEventType.LITIGATION, Severity.HIGH, SuggestedAction.WATCH),
            event("MON-TRANSFER-001", MonitoringEventType.TRANSFERRED, Severity.CRITICAL, SuggestedAction.FREEZE),
            event("MON-RENEW-001", MonitoringEventType.RENEWED, Severity.INFO, SuggestedAction.NONE),
            event("MON-PLEDGE-001", MonitoringEventType.PLEDGE_EFFECTIVE, Severity.INFO, SuggestedAction.NONE),
            event("MON-PLEDGE-002", MonitoringEventType.PLEDGE_CHANGED, Severity.INFO, SuggestedAction.WATCH),
            event("MON-PLEDGE-003", MonitoringEventType.PLEDGE_CANCELLED, Severity.HIGH, SuggestedAction.FREEZE),
            event("MON-PRESERVE-001", MonitoringEventType.PRESERVATION, Severity.CRITICAL, SuggestedAction.FREEZE),
            event("MON-PRESERVE-002", MonitoringEventType.PRESERVATION_LIFTED, Severity.INFO,
                    SuggestedAction.WATCH),
            event("MON-LICENCE-001", MonitoringEventType.LICENCE_RECORDED, Severity.HIGH, SuggestedAction.WATCH),
            // a 20% fall warns, a 40% fall asks for collateral; a fen less does neither
            new RuleCase("MON-VALUE-001", loan("6400000.00"), loan("6400000.01"), Severity.WARNING,
                    SuggestedAction.WATCH),
            new RuleCase("MON-VALUE-002", loan("4800000.00"), loan("4800000.01"), Severity.HIGH,
                    SuggestedAction.ADD_COLLATERAL),
            // LTV 0.25 x 1.10 = 0.275: 2,000,000 / 7,272,000 = 0.2750..; / 7,200,000 = 0.2778
            new RuleCase("MON-LTV-001", loan("7200000.00"), loan("7300000.00"), Severity.HIGH,
                    SuggestedAction.MARGIN_CALL));

    private static RuleCase event(String ruleId, MonitoringEventType type, Severity severity,
                                  SuggestedAction action) {
        MonitoringEventType other = type == MonitoringEventType.RENEWED ? MonitoringEventType.FEE_PAID
                : MonitoringEventType.RENEWED;
        return new RuleCase(ruleId, loan("8000000.00", type), loan("8000000.00", other), severity, action);
    }

    @TestFactory
    Stream<DynamicTest> eachRuleFiresAndDoesNotFire() {
        return CASES.stream().flatMap(rc -> Stream.of(
                DynamicTest.dynamicTest(rc.ruleId() + " fires", () -> {
                    MonitoringReaction r = Policies.POLICY.react(rc.fires());
                    assertTrue(r.firedRuleIds().contains(rc.ruleId()), r.firedRuleIds()::toString);
                    Alert alert = r.alerts().stream().filter(a -> a.ruleId().equals(rc.ruleId())).findFirst()
                            .orElseThrow();
                    assertEquals(rc.severity(), alert.severity());
                    assertEquals(rc.action(), alert.action());
                    assertFalse(alert.messageZh().isBlank());
                    assertFalse(alert.messageEn().isBlank());
                }),
                DynamicTest.dynamicTest(rc.ruleId() + " does not fire", () -> {
                    MonitoringReaction r = Policies.POLICY.react(rc.doesNotFire());
                    assertFalse(r.firedRuleIds().contains(rc.ruleId()), r.firedRuleIds()::toString);
                })));
    }

    @Test
    void everyMonitoringRuleHasACase() {
        Set<String> covered = CASES.stream().map(RuleCase::ruleId).collect(Collectors.toCollection(TreeSet::new));
        Set<String> monitoring = Policies.POLICY.ruleIds().stream().filter(id -> id.startsWith("MON-"))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(monitoring, covered);
    }

    @Test
    void theReactionTakesTheHighestSeverityAndTheStrongestAction() {
        MonitoringReaction r = Policies.POLICY.react(loan("4000000.00", MonitoringEventType.LAPSED,
                MonitoringEventType.LITIGATION));
        assertEquals(Severity.CRITICAL, r.severity());
        assertEquals(SuggestedAction.FREEZE, r.action());
        assertEquals(List.of("MON-LAPSE-001", "MON-LITIG-001", "MON-LTV-001", "MON-VALUE-002"),
                r.alerts().stream().map(Alert::ruleId).toList());
        assertEquals("LOAN-1", r.loanId());
        assertEquals("defaults-2026.1", r.parametersVersion());
    }

    @Test
    void gazetteEventsAreNamedByTheirCodeInTheAlert() {
        for (MonitoringEventType type : List.of(MonitoringEventType.PRESERVATION, MonitoringEventType.LICENCE_CHANGED,
                MonitoringEventType.PLEDGE_CANCELLED)) {
            Alert alert = Policies.POLICY.react(loan("8000000.00", type)).alerts().get(0);
            assertTrue(alert.messageZh().contains(type.gazetteCode()), alert::messageZh);
            assertTrue(alert.messageEn().contains(type.gazetteCode()), alert::messageEn);
        }
        assertEquals(MonitoringEventType.PRESERVATION, MonitoringEventType.parse("pp01").orElseThrow());
        assertEquals(MonitoringEventType.TRANSFERRED, MonitoringEventType.parse("TR01").orElseThrow());
        assertEquals(MonitoringEventType.LAPSED, MonitoringEventType.parse("LAPSED").orElseThrow());
        assertTrue(MonitoringEventType.parse("XX01").isEmpty());
    }

    @Test
    void nothingHappenedMeansNoAlert() {
        MonitoringReaction r = Policies.POLICY.react(loan("8000000.00"));
        assertEquals(List.of(), r.alerts());
        assertEquals(Severity.INFO, r.severity());
        assertEquals(SuggestedAction.NONE, r.action());
        assertEquals(List.of(), r.firedRuleIds());
    }

    @Test
    void collateralLostEntirelyBreachesTheLtv() {
        MonitoringReaction r = Policies.POLICY.react(loan("0.00", MonitoringEventType.INVALIDATED));
        assertTrue(r.firedRuleIds().containsAll(List.of("MON-INVAL-002", "MON-VALUE-002", "MON-LTV-001")));
    }

    @Test
    void monitoringFactsNeverTriggerDecisionRules() {
        MonitoringReaction r = Policies.POLICY.react(loan("8000000.00", MonitoringEventType.LAPSED));
        assertTrue(r.firedRuleIds().stream().allMatch(id -> id.startsWith("MON-")), r.firedRuleIds()::toString);
    }
}
