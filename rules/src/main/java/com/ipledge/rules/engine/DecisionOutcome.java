package com.ipledge.rules.engine;

import com.ipledge.rules.Outcome;

/** Inserted by the OUTCOME rules, last. */
public record DecisionOutcome(Outcome outcome) {
}
