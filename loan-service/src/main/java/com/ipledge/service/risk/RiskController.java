package com.ipledge.service.risk;

import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/**
 * Risk calculators on request: nothing is read from or written to the book, so these POSTs need no
 * Idempotency-Key (repeating one gives the same answer: the simulation is seeded).
 */
@Controller("/api/v1/risk")
@Tag(name = "risk")
public class RiskController {
    private final CapitalCalculator capital;
    private final PortfolioSimulationReader reader;
    private final PortfolioRisk portfolio;

    public RiskController(CapitalCalculator capital, PortfolioSimulationReader reader, PortfolioRisk portfolio) {
        this.capital = capital;
        this.reader = reader;
        this.portfolio = portfolio;
    }

    @Post("/capital")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Basel IRB capital requirement, risk weight and RWA of one exposure")
    public CapitalAnswer capital(@Body CapitalRequest body) {
        return capital.compute(body);
    }

    @Post("/portfolio-simulations")
    @Secured({"BUREAU", "BANK_OFFICER", "BANK_APPROVER"})
    @Operation(summary = "Monte Carlo loss distribution of a portfolio: EL, VaR and ES, contributions, HHI")
    public PortfolioSimulationAnswer simulate(@Body PortfolioSimulationRequest body) {
        return PortfolioSimulationAnswer.of(portfolio.simulate(reader.read(body)));
    }
}
