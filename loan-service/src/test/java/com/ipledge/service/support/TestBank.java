package com.ipledge.service.support;

import java.util.Map;
import java.util.UUID;

/**
 * A bank set up as an integrator sets one up: the bank, an officer's and an approver's key, and this business
 * year's quota plan of 100 million yuan (by a bureau key), so that its applications can be approved. One place
 * for the set-up most HTTP tests share.
 */
public record TestBank(UUID id, String officer, String approver, UUID planId) {
    public static final String QUOTA = "100000000";

    /** Opens bank {@code code} through {@code api}. */
    public static TestBank open(ApiTestBase api, String code) {
        UUID id = api.createBank(code);
        String bureau = api.apiKey("BUREAU", null);
        Answer plan = api.post("/api/v1/quota-plans", Map.of("bankId", id, "year", api.thisYear(), "amount", QUOTA),
                bureau);
        if (plan.status() != 201) {
            throw new AssertionError("quota plan not created: " + plan);
        }
        return new TestBank(id, api.apiKey("BANK_OFFICER", id), api.apiKey("BANK_APPROVER", id),
                UUID.fromString(plan.text("id")));
    }
}
