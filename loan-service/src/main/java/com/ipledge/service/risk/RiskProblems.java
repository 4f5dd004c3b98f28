package com.ipledge.service.risk;

import com.ipledge.risk.RiskInputException;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;

/** Turns the risk engine's input problems (already named by JSON path) into the service's 400 problem. */
final class RiskProblems {
    private RiskProblems() {
    }

    /** Adds the engine's problems, skipping fields the service has already reported (e.g. "is required"). */
    static void addAll(FieldErrors errors, RiskInputException e) {
        for (RiskInputException.Problem p : e.problems()) {
            if (!errors.has(p.field())) {
                errors.add(p.field(), p.message());
            }
        }
    }

    static InvalidInput invalid(RiskInputException e) {
        return InvalidInput.of(e.problems().stream().map(p -> new FieldError(p.field(), p.message())).toList());
    }
}
