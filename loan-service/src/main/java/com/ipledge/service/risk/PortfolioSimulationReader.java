package com.ipledge.service.risk;

import com.ipledge.risk.RiskInputException;
import com.ipledge.risk.portfolio.Exposure;
import com.ipledge.risk.portfolio.LoanGroup;
import com.ipledge.risk.portfolio.PortfolioRequest;
import com.ipledge.risk.portfolio.PortfolioSimulator;
import com.ipledge.risk.portfolio.StressScenario;
import com.ipledge.service.money.Money;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.problem.InvalidInput;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a {@link PortfolioSimulationRequest} into the engine's {@link PortfolioRequest}. The service checks what
 * the engine cannot see or should not have to run into: missing fields, money, and the sizes that bound one
 * synchronous request. The ranges (PD, LGD, correlation, levels, stress, ...) are the engine's to check; when
 * the service has found something, the engine is asked too so that the client hears of every bad field at once.
 */
@Singleton
public class PortfolioSimulationReader {
    /** Distinct exposures answered synchronously; more (up to {@link #MAX_JOB_EXPOSURES}) run as a job. */
    static final int MAX_EXPOSURES = 20_000;
    /** Distinct exposures per request at all: 100,000 compact entries fit in the route's 8 MB body limit. */
    static final int MAX_JOB_EXPOSURES = 100_000;
    /** Loan-scenarios a job may run: 100,000 exposures x 10,000 scenarios with room to spare. */
    static final long MAX_JOB_LOAN_SCENARIOS = 2_000_000_000L;
    /** Each level costs a pass over the sorted losses; a handful is all a report shows. */
    static final int MAX_CONFIDENCE_LEVELS = 10;

    private final PortfolioRisk risk;

    public PortfolioSimulationReader(PortfolioRisk risk) {
        this.risk = risk;
    }

    /** True when the request is too large to answer while the caller waits: it runs as a job. */
    static boolean runsAsJob(PortfolioRequest r) {
        long loanScenarios = ((long) r.groups().size() + r.exposures().size()) * r.scenarios();
        return r.exposures().size() > MAX_EXPOSURES || loanScenarios > PortfolioSimulator.MAX_LOAN_SCENARIOS;
    }

    /** The engine request (within the job bounds), or a 400 naming every bad field. */
    public PortfolioRequest read(PortfolioSimulationRequest r) {
        Findings errors = new Findings();
        List<PortfolioSimulationRequest.Group> groups = r.groups() == null ? List.of() : r.groups();
        List<PortfolioSimulationRequest.Exposure> exposures = r.exposures() == null ? List.of() : r.exposures();
        if (groups.isEmpty() && exposures.isEmpty()) {
            errors.add("groups", "give at least one group (or at least one entry in exposures)");
        }
        List<LoanGroup> loanGroups = groups(groups, errors);
        List<Exposure> distinct = exposures(exposures, errors);
        errors.required("correlation", r.correlation());
        errors.required("seed", r.seed());
        Integer scenarios = r.scenarios();
        if (scenarios == null) {
            errors.add("scenarios", "is required");
        } else if (scenarios < 1 || scenarios > PortfolioSimulator.MAX_SCENARIOS) {
            errors.add("scenarios", "must be between 1 and " + PortfolioSimulator.MAX_SCENARIOS + ", was "
                    + scenarios);
        }
        if (r.confidenceLevels() != null && r.confidenceLevels().size() > MAX_CONFIDENCE_LEVELS) {
            errors.add("confidenceLevels", "at most " + MAX_CONFIDENCE_LEVELS + " levels, was "
                    + r.confidenceLevels().size());
        }
        StressScenario stress = stress(r.stress(), errors);
        FieldError tooLarge = errors.has("scenarios") || errors.has("exposures") ? null
                : loanScenarioLimit(groups.size(), exposures.size(), scenarios);
        if (tooLarge != null) {
            errors.add(tooLarge.field(), tooLarge.message());
        }

        // missing numbers travel as NaN (or 0 for counts): the engine rejects them, and those complaints give
        // way to the "is required" already recorded under the same field (Findings keeps the first message)
        PortfolioRequest request = new PortfolioRequest(loanGroups, distinct,
                r.correlation() == null ? Double.NaN : r.correlation(), r.sectorCorrelation(),
                scenarios == null ? 0 : scenarios, r.seed() == null ? 0L : r.seed(), r.confidenceLevels(), stress,
                r.histogramBins());
        if (errors.isEmpty()) {
            return request;
        }
        if (exposures.size() <= MAX_JOB_EXPOSURES) {
            // (a list over the cap was not read: the engine would see no exposures and complain of that)
            for (RiskInputException.Problem p : risk.problemsOtherThanScenarios(request)) {
                errors.add(p.field(), p.message());
            }
        }
        throw tooLarge == null ? InvalidInput.of(errors.list()) : tooLarge(errors.list());
    }

    private static List<LoanGroup> groups(List<PortfolioSimulationRequest.Group> groups, Findings errors) {
        List<LoanGroup> result = new ArrayList<>(groups.size());
        for (int i = 0; i < groups.size(); i++) {
            String field = "groups[" + i + "]";
            PortfolioSimulationRequest.Group g = groups.get(i);
            if (g == null) {
                result.add(null); // the engine names it; indices stay aligned with the request
                continue;
            }
            errors.required(field + ".count", g.count());
            errors.money(field + ".ead", g.ead());
            errors.required(field + ".pd", g.pd());
            errors.required(field + ".lgd", g.lgd());
            if (g.count() != null && g.count() > 0 && g.ead() != null && !errors.has(field + ".ead")
                    && g.ead().multiply(BigDecimal.valueOf(g.count())).compareTo(Money.MAX) > 0) {
                errors.add(field + ".count", "count x ead is not a plausible exposure (more than "
                        + Money.MAX.toPlainString() + " yuan)");
            }
            result.add(new LoanGroup(g.count() == null ? 0 : g.count(), g.ead(), orNaN(g.pd()), orNaN(g.lgd()),
                    g.sector()));
        }
        return result;
    }

    private static List<Exposure> exposures(List<PortfolioSimulationRequest.Exposure> exposures,
                                            Findings errors) {
        if (exposures.size() > MAX_JOB_EXPOSURES) {
            // reported without looking at the entries: one problem, not 100,000
            errors.add("exposures", "at most " + MAX_JOB_EXPOSURES + " distinct exposures per request, was "
                    + exposures.size() + "; send identical loans as groups");
            return List.of();
        }
        List<Exposure> result = new ArrayList<>(exposures.size());
        for (int i = 0; i < exposures.size(); i++) {
            String field = "exposures[" + i + "]";
            PortfolioSimulationRequest.Exposure e = exposures.get(i);
            if (e == null) {
                result.add(null);
                continue;
            }
            errors.money(field + ".ead", e.ead());
            errors.required(field + ".pd", e.pd());
            errors.required(field + ".lgd", e.lgd());
            result.add(new Exposure(e.id(), e.ead(), orNaN(e.pd()), orNaN(e.lgd()), e.bank(), e.industry(),
                    e.region(), e.ipType()));
        }
        return result;
    }

    private static StressScenario stress(PortfolioSimulationRequest.Stress s, Findings errors) {
        if (s == null) {
            return null;
        }
        if (s.shockedIndustry() != null && s.industryPdMultiplier() == null) {
            errors.add("stress.industryPdMultiplier", "is required when stress.shockedIndustry is given");
        }
        if (s.shockedIndustry() == null && s.industryPdMultiplier() != null) {
            errors.add("stress.shockedIndustry", "is required when stress.industryPdMultiplier is given");
        }
        return new StressScenario(s.pdMultiplier() == null ? 1.0 : s.pdMultiplier(),
                s.collateralHaircut() == null ? 0.0 : s.collateralHaircut(), s.shockedIndustry(),
                s.industryPdMultiplier() == null ? 1.0 : s.industryPdMultiplier());
    }

    /**
     * The bound of a simulation job, checked here so that the answer can say what to do about it. Named as the
     * engine names it: {@code exposures} when there are any, else {@code scenarios}.
     */
    private static FieldError loanScenarioLimit(int groups, int exposures, Integer scenarios) {
        if (scenarios == null) {
            return null;
        }
        long loanScenarios = ((long) groups + exposures) * scenarios;
        if (loanScenarios <= MAX_JOB_LOAN_SCENARIOS) {
            return null;
        }
        return new FieldError(exposures > 0 ? "exposures" : "scenarios",
                "(exposures + groups) x scenarios = " + loanScenarios + " exceeds the limit of "
                        + MAX_JOB_LOAN_SCENARIOS + " loan-scenarios per request");
    }

    private static InvalidInput tooLarge(List<FieldError> errors) {
        return InvalidInput.of("simulation-too-large",
                "The simulation is larger than the " + MAX_JOB_LOAN_SCENARIOS + " loan-scenarios a simulation"
                        + " job may run (up to " + PortfolioSimulator.MAX_LOAN_SCENARIOS + " are answered at once,"
                        + " more run as a job): use fewer scenarios or exposures, or send identical loans as groups"
                        + " (each group counts once).", errors);
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
