package com.ipledge.service.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Issue 14/22: readiness waits for the engine warm-up; liveness does not. The warm-up runs the real rule base, PD
 * model and valuation engine and ends when a round's cost is flat or its time is up.
 */
@MicronautTest(transactional = false)
class EngineWarmUpTest extends ApiTestBase {
    @Inject
    EngineWarmUp warmUp;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.warm-up.enabled", "true", "ipledge.warm-up.max-duration", "20s",
                "ipledge.jobs.enabled", "false");
    }

    @Test
    void readinessIsUpOnlyOnceTheEnginesAreWarmAndLivenessAnswersThroughout() throws InterruptedException {
        long deadline = System.nanoTime() + 90_000_000_000L;
        Answer ready = get("/health/readiness", null);
        while (ready.status() != 200 && System.nanoTime() < deadline) {
            assertEquals(503, ready.status(), ready::toString);
            if (warmUp.state().done()) {
                // it finished between that answer and this look (a busy machine makes the window wide): DOWN only
                // while warming up means the very next answer is UP
                ready = get("/health/readiness", null);
                assertEquals(200, ready.status(), "DOWN only while warming up: " + ready);
                break;
            }
            assertEquals(200, get("/health/liveness", null).status(), "the process is up meanwhile");
            Thread.sleep(200);
            ready = get("/health/readiness", null);
        }
        assertEquals(200, ready.status(), ready::toString);
        EngineWarmUp.State state = warmUp.state();
        assertTrue(state.done(), state::toString);
        assertTrue(Set.of("flat", "time").contains(state.endedBy()), state::toString);
        assertTrue(state.rounds() >= 1, state::toString);
        assertEquals(200, get("/health", null).status());
    }

    @Test
    void flatMeansTheLastThreeRoundsNoLongerTenPercentFasterThanTheThreeBefore() {
        assertFalse(EngineWarmUp.flat(List.of(10.0, 10.0, 10.0)), "too few rounds");
        assertTrue(EngineWarmUp.flat(List.of(90.0, 60.0, 40.0, 30.0, 11.0, 10.0, 10.5, 10.2, 10.0)));
        assertTrue(EngineWarmUp.flat(List.of(90.0, 60.0, 40.0, 30.0, 11.0, 10.0, 10.5, 30.0, 10.0)),
                "one noisy round does not keep it warming");
        assertFalse(EngineWarmUp.flat(List.of(90.0, 60.0, 40.0, 30.0, 20.0, 15.0, 10.5, 10.2, 10.0)),
                "from a median of 20 to 10.2: still getting faster");
    }
}
