package com.ipledge.service.loan;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The bank-operations settings of the lifecycle (not credit policy: that lives in the rule base's parameters; the
 * two-approver threshold is one, and {@code ipledge.lifecycle.two-approver-threshold} only its default, read by
 * {@link com.ipledge.service.policy.PolicyParameterStore}).
 */
@ConfigurationProperties("ipledge.lifecycle")
public class LifecyclePolicy {
    /** An approval not disbursed within this many days expires and gives its quota back. */
    private int approvalValidityDays = 30;

    public int getApprovalValidityDays() {
        return approvalValidityDays;
    }

    public void setApprovalValidityDays(int approvalValidityDays) {
        this.approvalValidityDays = approvalValidityDays;
    }
}
