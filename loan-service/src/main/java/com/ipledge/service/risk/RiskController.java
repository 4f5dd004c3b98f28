package com.ipledge.service.risk;

import com.ipledge.service.security.Roles;
import com.ipledge.risk.portfolio.PortfolioRequest;
import com.ipledge.service.security.Caller;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.UUID;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Risk calculators on request: nothing is read from or written to the book, so these POSTs need no
 * Idempotency-Key (repeating one gives the same answer: the simulation is seeded). A simulation too large to answer
 * at once becomes a job (202): repeating it queues another job with the same answer.
 */
@Controller("/api/v1/risk")
@Tag(name = "risk")
public class RiskController {
    private final CapitalCalculator capital;
    private final PortfolioSimulationReader reader;
    private final PortfolioRisk portfolio;
    private final SimulationJobs jobs;

    public RiskController(CapitalCalculator capital, PortfolioSimulationReader reader, PortfolioRisk portfolio,
                          SimulationJobs jobs) {
        this.capital = capital;
        this.reader = reader;
        this.portfolio = portfolio;
        this.jobs = jobs;
    }

    @Post("/capital")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "computeCapital",
            summary = "Basel IRB capital requirement, risk weight and RWA of one exposure")
    public CapitalAnswer capital(@Body CapitalRequest body) {
        return capital.compute(body);
    }

    @Post("/portfolio-simulations")
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "simulatePortfolio",
            summary = "Monte Carlo loss distribution of a portfolio: EL, VaR and ES, contributions, HHI",
            description = "Up to 10,000,000 loan-scenarios ((exposures + groups) x scenarios) and 20,000 distinct"
                    + " exposures are answered at once (200). Larger simulations, up to 2,000,000,000"
                    + " loan-scenarios and 100,000 exposures, answer 202 with a job to poll at its Location.")
    @ApiResponse(responseCode = "200", content = @Content(schema = @Schema(implementation =
            PortfolioSimulationAnswer.class)))
    @ApiResponse(responseCode = "202", content = @Content(schema = @Schema(implementation =
            SimulationJobView.class)))
    public HttpResponse<?> simulate(@Body PortfolioSimulationRequest body, Caller caller) {
        PortfolioRequest request = reader.read(body);
        if (!PortfolioSimulationReader.runsAsJob(request)) {
            return HttpResponse.ok(PortfolioSimulationAnswer.of(portfolio.simulate(request)));
        }
        SimulationJobView job = jobs.submit(caller, body, request);
        return HttpResponse.status(HttpStatus.ACCEPTED).body(job)
                .headers(h -> h.location(URI.create("/api/v1/risk/portfolio-simulations/" + job.id())));
    }

    @Get("/portfolio-simulations/{id}")
    @Secured({Roles.BUREAU, Roles.BANK_OFFICER, Roles.BANK_APPROVER})
    @SecurityRequirement(name = "bearerAuth")
    @Operation(operationId = "getSimulationJob",
            summary = "A portfolio simulation job: status, progress, and the result once DONE")
    public SimulationJobView simulationJob(@PathVariable UUID id, Caller caller) {
        return jobs.find(caller, id);
    }
}
