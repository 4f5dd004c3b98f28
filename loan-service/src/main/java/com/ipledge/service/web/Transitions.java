package com.ipledge.service.web;

import java.util.Collection;
import java.util.Map;

/** The 409 answered for a transition the state machine does not allow, naming the ones it does. */
public final class Transitions {
    private Transitions() {
    }

    public static ApiProblem notAllowed(String what, Enum<?> current, String action, Collection<?> allowedFrom) {
        return ApiProblem.conflict("transition-not-allowed",
                "Cannot " + action + " a " + what + " that is " + current + "; allowed from: " + allowedFrom + ".",
                Map.of("currentStatus", current.name(), "allowedFrom", allowedFrom.stream().map(Object::toString)
                        .sorted().toList()));
    }
}
