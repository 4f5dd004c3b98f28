package com.ipledge.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.rules.params.ScorecardPolicy;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The scorecard's weights are policy data: checked when stored, the defaults for versions stored before them. */
class ScorecardPolicyTest {

    @Test
    void theDefaultsWeighEveryIndicatorAndAddUpToOne() {
        ScorecardPolicy d = ScorecardPolicy.defaults();
        assertEquals(ScorecardPolicy.INDICATORS, List.copyOf(d.weights().keySet()));
        assertEquals(0, BigDecimal.ONE.compareTo(d.weights().values().stream().reduce(BigDecimal.ZERO,
                BigDecimal::add)));
        assertEquals(0, new BigDecimal("10000000").compareTo(d.smallLoanMaxPrincipal()));
        assertTrue(PolicyParameters.defaults().problems().isEmpty());
    }

    @Test
    void parametersStoredBeforeTheScorecardReadAsTheDefaults() {
        PolicyParameters old = Params.scorecard(PolicyParameters.defaults(), null);
        assertEquals(ScorecardPolicy.defaults(), old.scorecardOrDefaults());
        assertTrue(old.problems().isEmpty());
    }

    @Test
    void anIndicatorWithoutAWeightWeighsNothing() {
        ScorecardPolicy speedOnly = new ScorecardPolicy(new BigDecimal("5000000.00"),
                Map.of("speed", BigDecimal.ONE));
        assertTrue(Params.scorecard(PolicyParameters.defaults(), speedOnly).problems().isEmpty());
        assertEquals(BigDecimal.ZERO, speedOnly.weight("grantedAmount"));
    }

    @Test
    void badScorecardParametersAreNamed() {
        Map<String, BigDecimal> weights = new LinkedHashMap<>(ScorecardPolicy.defaults().weights());
        weights.put("speed", new BigDecimal("0.06"));
        assertEquals(List.of("scorecard.weights"), fields(new ScorecardPolicy(new BigDecimal("1"), weights)));
        weights.put("speed", new BigDecimal("-0.05"));
        weights.put("charm", new BigDecimal("0.10"));
        assertEquals(List.of("scorecard.smallLoanMaxPrincipal", "scorecard.weights.charm", "scorecard.weights.speed"),
                fields(new ScorecardPolicy(new BigDecimal("0.001"), weights)));
        assertEquals(List.of("scorecard.smallLoanMaxPrincipal", "scorecard.weights"), fields(new ScorecardPolicy(null,
                null)));
    }

    private static List<String> fields(ScorecardPolicy s) {
        return Params.scorecard(PolicyParameters.defaults(), s).problems().stream().map(Problem::field).sorted()
                .toList();
    }
}
