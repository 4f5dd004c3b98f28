package com.ipledge.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * CreditPolicy reuses working memories from a pool, reset between calls: nothing of one decision (facts, outputs,
 * fired rules, listeners) may leak into the next, whatever the order and however many threads decide at once.
 */
class SessionReuseTest {

    private static List<Case> mixedCases() {
        Case declined = Case.strong();
        declined.dishonest = true;
        Case referred = Case.strong();
        referred.grade = "Z9";
        Case eco = Case.strong();
        eco.eco = EcoIndustry.values()[0];
        Case unvalued = Case.strong();
        unvalued.trademark().value(null, null, null);
        return List.of(Case.strong(), declined, referred, eco, unvalued);
    }

    @Test
    void decisionsInAnyOrderEqualDecisionsInAFreshRuleBase() {
        List<Case> cases = mixedCases();
        CreditPolicy reused = CreditPolicy.load();
        List<Decision> expected = new ArrayList<>();
        for (Case c : cases) {
            expected.add(CreditPolicy.load().decide(c.input()));
        }
        for (int round = 0; round < 3; round++) {
            for (int i = cases.size() - 1; i >= 0; i--) {
                assertEquals(expected.get(i), reused.decide(cases.get(i).input()), "case " + i + " round " + round);
            }
        }
        assertEquals(List.of(Outcome.APPROVE, Outcome.DECLINE, Outcome.REFER, Outcome.APPROVE, Outcome.REFER),
                expected.stream().map(Decision::outcome).toList());
    }

    @Test
    void concurrentDecisionsEqualSequentialOnes() throws Exception {
        List<Case> cases = mixedCases();
        List<Decision> expected = cases.stream().map(Policies::decide).toList();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Decision>> futures = new ArrayList<>();
            for (int i = 0; i < 400; i++) {
                Case c = cases.get(i % cases.size());
                futures.add(pool.submit(() -> Policies.decide(c)));
            }
            for (int i = 0; i < futures.size(); i++) {
                assertEquals(expected.get(i % cases.size()), futures.get(i).get(), "call " + i);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
