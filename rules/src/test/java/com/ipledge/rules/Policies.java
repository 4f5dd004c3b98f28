package com.ipledge.rules;

/** The rule base, built once per test JVM as in production. */
final class Policies {
    static final CreditPolicy POLICY = CreditPolicy.load();

    private Policies() {
    }

    static Decision decide(Case c) {
        return POLICY.decide(c.input());
    }
}
