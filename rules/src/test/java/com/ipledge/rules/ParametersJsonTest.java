package com.ipledge.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.rules.params.PolicyParameters;
import org.junit.jupiter.api.Test;

/** loan-service stores PolicyParameters as JSON and hands them back: the round trip must decide identically. */
class ParametersJsonTest {

    @Test
    void theDefaultsSurviveAJsonRoundTrip() throws Exception {
        ObjectMapper json = new ObjectMapper();
        String text = json.writeValueAsString(PolicyParameters.defaults());
        PolicyParameters back = json.readValue(text, PolicyParameters.class);
        assertEquals(PolicyParameters.defaults(), back);
        Case c = Case.strong();
        c.parameters = back;
        assertEquals(Policies.decide(Case.strong()), Policies.decide(c));
    }
}
