package com.ipledge.service.problem;

import java.util.Collection;
import java.util.Map;

/** The 409 answered for a transition the state machine does not allow, naming the ones it does. */
public final class Transitions {
    private Transitions() {
    }

    public static Conflict notAllowed(String what, Enum<?> current, String action, Collection<?> allowedFrom) {
        return Conflict.of("transition-not-allowed",
                "Cannot " + action + " a " + what + " that is " + current + "; allowed from: " + allowedFrom + ".",
                Map.of("currentStatus", current.name(), "allowedFrom", allowedFrom.stream().map(Object::toString)
                        .sorted().toList()));
    }
}
