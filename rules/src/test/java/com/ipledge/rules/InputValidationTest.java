package com.ipledge.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.rules.params.RiskShareScheme;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputValidationTest {

    private static List<String> fields(InvalidInputException e) {
        return e.problems().stream().map(Problem::field).toList();
    }

    @Test
    void theDefaultsAreValid() {
        assertEquals(List.of(), PolicyParameters.defaults().problems());
        assertEquals(List.of(), Case.strong().input().problems());
    }

    @Test
    void everyBadFieldIsReportedAtOnceWithItsPath() {
        Case c = Case.strong();
        c.requested = new BigDecimal("-1.00");
        c.termMonths = 0;
        c.pd = new BigDecimal("1.5");
        c.quota = new BigDecimal("10.001");
        c.patent().status = null;
        c.trademark().id = c.patent().id;
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Policies.decide(c));
        assertEquals(List.of("application.requestedAmount", "application.termMonths", "collateral[0].legalStatus",
                "collateral[1].assetId", "risk.pd", "availableQuota"), fields(e));
        assertTrue(e.getMessage().contains("application.requestedAmount: must be greater than 0"));
    }

    @Test
    void aBadIndustryCodeIsNamed() {
        DecisionInput in = Case.strong().input();
        Borrower b = in.borrower();
        DecisionInput bad = new DecisionInput(in.application(), new Borrower(b.creditCode(), b.sizeClass(),
                b.yearsInBusiness(), "C99", null, false, null, false), in.collateral(), in.risk(),
                in.availableQuota(), in.parameters());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Policies.POLICY.decide(bad));
        assertEquals(List.of("borrower.industryCode"), fields(e));
    }

    @Test
    void missingPartsAndEmptyCollateralAreRejected() {
        DecisionInput in = new DecisionInput(null, null, List.of(), null, null, null);
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Policies.POLICY.decide(in));
        assertEquals(List.of("application", "borrower", "collateral", "risk", "availableQuota", "parameters"),
                fields(e));
    }

    @Test
    void riskSharesThatDoNotAddUpToOneAreRejected() {
        Case c = Case.strong();
        c.params(p -> Params.schemes(p, List.of(new RiskShareScheme("BAD", "RISK_COMPENSATION_POOL", 1, false, false,
                null, Map.of("BANK", new BigDecimal("0.60"), "RISK_COMPENSATION_POOL", new BigDecimal("0.30"))))));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Policies.decide(c));
        assertEquals(List.of("parameters.riskSharing.schemes[0].shares"), fields(e));
        assertTrue(e.problems().get(0).message().contains("0.90"));
    }

    @Test
    void badParametersAreNamedRelativeToTheirRoot() {
        Case c = Case.strong();
        c.params(p -> Params.concentration(Params.largeFirmAction(p, "MAYBE"), "SPLIT", "1.5"));
        c.params(p -> Params.version(p, " "));
        List<String> problems = c.parameters.problems().stream().map(Problem::field).toList();
        assertEquals(List.of("version", "eligibility.largeFirmAction", "limits.maxSingleAssetShare",
                "limits.concentrationAction"), problems);
    }

    @Test
    void aBadMonitoringInputIsRejected() {
        MonitoringInput in = new MonitoringInput("", new BigDecimal("-5"), new BigDecimal("0.25"), BigDecimal.ZERO,
                new BigDecimal("1.00"), List.of(new LegalStatusEvent("A", IpType.TRADEMARK, null, null)),
                PolicyParameters.defaults());
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> Policies.POLICY.react(in));
        assertEquals(List.of("loanId", "outstandingPrincipal", "collateralValueAtApproval", "events[0].type",
                "events[0].occurredOn"), fields(e));
    }
}
