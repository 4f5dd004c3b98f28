package com.ipledge.service.risk;

import com.ipledge.risk.RiskInputException;
import com.ipledge.risk.portfolio.PortfolioRequest;
import com.ipledge.risk.portfolio.PortfolioResult;
import com.ipledge.risk.portfolio.PortfolioSimulator;
import com.ipledge.service.metrics.ServiceMetrics;
import com.ipledge.service.problem.InvalidInput;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * The portfolio Monte Carlo for the whole service: {@code POST /risk/portfolio-simulations} and the bureau's
 * portfolio view both go through this bean, so there is one simulator (it runs each request on at most two
 * threads, the machine's cores) and one way bad input is reported.
 */
@Singleton
public class PortfolioRisk {
    private final PortfolioSimulator simulator = new PortfolioSimulator();
    /** The same engine with the job bound (jobs run one at a time per instance, on the same two threads). */
    private final PortfolioSimulator jobSimulator = new PortfolioSimulator(
            Math.min(2, Runtime.getRuntime().availableProcessors()), PortfolioSimulationReader.MAX_JOB_LOAN_SCENARIOS);
    private final ServiceMetrics metrics;

    public PortfolioRisk(ServiceMetrics metrics) {
        this.metrics = metrics;
    }

    /**
     * Simulates the loss distribution of a portfolio.
     *
     * @throws InvalidInput naming each bad field of the request (by its JSON path in the HTTP API) when the
     *                    engine rejects it, including more than {@link PortfolioSimulator#MAX_LOAN_SCENARIOS}
     *                    loan-scenarios
     */
    public PortfolioResult simulate(PortfolioRequest request) {
        try {
            return metrics.timeSimulation(() -> simulator.simulate(request));
        } catch (RiskInputException e) {
            throw RiskProblems.invalid(e);
        }
    }

    /** A simulation job's run: the same engine and answer, a larger bound, progress reported as it goes. */
    PortfolioResult simulateJob(PortfolioRequest request, PortfolioSimulator.Progress progress) {
        try {
            return metrics.timeSimulation(() -> jobSimulator.simulate(request, progress));
        } catch (RiskInputException e) {
            throw RiskProblems.invalid(e);
        }
    }

    /**
     * The engine's complaints about a request, other than its scenario count, without simulating anything: a
     * run of zero scenarios is always refused, and the engine checks every field before it refuses.
     */
    List<RiskInputException.Problem> problemsOtherThanScenarios(PortfolioRequest r) {
        PortfolioRequest none = new PortfolioRequest(r.groups(), r.exposures(), r.correlation(),
                r.sectorCorrelation(), 0, r.seed(), r.confidenceLevels(), r.stress(), r.histogramBins());
        try {
            simulator.simulate(none);
        } catch (RiskInputException e) {
            return e.problems().stream().filter(p -> !p.field().equals("scenarios")).toList();
        }
        throw new IllegalStateException("the engine simulated a request of zero scenarios");
    }
}
