package com.ipledge.rules.params;

import java.math.BigDecimal;

/**
 * Who must approve a decision.
 *
 * @param twoApproverThreshold a decision granting more than this many yuan needs two distinct approvers
 */
public record ApprovalPolicy(BigDecimal twoApproverThreshold) {

    /** 5,000,000 yuan. */
    public static ApprovalPolicy defaults() {
        return new ApprovalPolicy(new BigDecimal("5000000.00"));
    }
}
