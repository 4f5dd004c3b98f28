package com.ipledge.service.risk;

import java.time.Duration;
import com.ipledge.service.support.Await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.risk.portfolio.Exposure;
import com.ipledge.risk.portfolio.PortfolioRequest;
import com.ipledge.risk.portfolio.PortfolioResult;
import com.ipledge.risk.portfolio.PortfolioSimulator;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.PortfolioBodies;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 22: a simulation too large to answer at once (20,000 distinct exposures x 10,000 scenarios, refused before)
 * answers 202 and runs as a job; the job's result is exactly what the engine computes for the same request, and
 * only the bank that queued it sees it.
 */
@MicronautTest(transactional = false)
class SimulationJobApiTest extends ApiTestBase {
    private static final String PATH = "/api/v1/risk/portfolio-simulations";

    private String officer;
    private String otherOfficer;
    private String bureau;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.simulations.poll-interval", "1s");
    }

    @BeforeAll
    void keys() {
        officer = apiKey("BANK_OFFICER", createBank("JOBBANK"));
        otherOfficer = apiKey("BANK_OFFICER", createBank("JOBOTHER"));
        bureau = apiKey("BUREAU", null);
    }

    @Test
    void twentyThousandExposuresTimesTenThousandScenariosRunAsAJobWithTheEnginesExactAnswer() throws Exception {
        Answer queued = post(PATH, PortfolioBodies.untaggedExposures(20_000, 10_000), officer);
        assertEquals(202, queued.status(), queued::toString);
        String id = queued.text("id");
        assertEquals(PATH + "/" + id, queued.headers().get("Location"));
        assertTrue(List.of("QUEUED", "RUNNING").contains(queued.text("status")), queued::toString);
        assertEquals(20_000, queued.get("exposures"));
        assertEquals(10_000, queued.get("scenarios"));

        Answer job = Await.until(Duration.ofSeconds(300), () -> get(PATH + "/" + id, officer),
                j -> j.status() != 200 || List.of("DONE", "FAILED").contains(j.text("status")));
        assertEquals(200, job.status(), job::toString);
        assertEquals("DONE", job.text("status"), job::toString);
        assertEquals(10_000, ((Number) job.get("scenariosDone")).intValue());
        assertEquals(1.0, ((Number) job.get("progress")).doubleValue());
        assertTrue(((Number) job.get("jobMillis")).longValue() > 0, job::toString);

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) job.get("result");
        PortfolioResult engine = new PortfolioSimulator(2, Long.MAX_VALUE).simulate(sameRequest(20_000, 10_000));
        assertEquals(10_000, result.get("scenarios"));
        assertEquals(0, engine.expectedLoss().compareTo(new BigDecimal(result.get("expectedLoss").toString())),
                () -> "job " + result.get("expectedLoss") + " vs engine " + engine.expectedLoss());
        @SuppressWarnings("unchecked")
        Map<String, Object> var = (Map<String, Object>) result.get("var");
        @SuppressWarnings("unchecked")
        Map<String, Object> es = (Map<String, Object>) result.get("expectedShortfall");
        for (String level : List.of("0.99", "0.999")) {
            assertEquals(0, engine.lossQuantiles().get(level).compareTo(new BigDecimal(var.get(level).toString())),
                    "VaR " + level);
            assertEquals(0, engine.expectedShortfall().get(level).compareTo(new BigDecimal(es.get(level).toString())),
                    "ES " + level);
        }

        assertEquals(404, get(PATH + "/" + id, otherOfficer).status(), "another bank's job is not found");
        assertEquals(404, get(PATH + "/" + id, bureau).status(), "a bank's job is its own");
        assertEquals(404, get(PATH + "/" + UUID.randomUUID(), officer).status());
    }

    /** What {@link PortfolioSimulationApiTest#untaggedExposures} sends, as the engine's request. */
    private static PortfolioRequest sameRequest(int loans, int scenarios) {
        List<Exposure> exposures = new ArrayList<>(loans);
        for (int i = 0; i < loans; i++) {
            exposures.add(new Exposure(null, BigDecimal.valueOf(100_000 + i % 97),
                    Double.parseDouble("0.0" + (1 + i % 9)), 0.4, null, null, null, null));
        }
        return new PortfolioRequest(List.of(), exposures, 0.15, null, scenarios, 1L, null, null, null);
    }
}
