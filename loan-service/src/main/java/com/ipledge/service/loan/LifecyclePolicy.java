package com.ipledge.service.loan;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.math.BigDecimal;

/** The bank-operations settings of the lifecycle (not credit policy: that lives in the rule base's parameters). */
@ConfigurationProperties("ipledge.lifecycle")
public class LifecyclePolicy {
    /** Loans above this amount need two distinct approvers. */
    private BigDecimal twoApproverThreshold = new BigDecimal("5000000");
    /** An approval not disbursed within this many days expires and gives its quota back. */
    private int approvalValidityDays = 30;

    public BigDecimal getTwoApproverThreshold() {
        return twoApproverThreshold;
    }

    public void setTwoApproverThreshold(BigDecimal twoApproverThreshold) {
        this.twoApproverThreshold = twoApproverThreshold;
    }

    public int getApprovalValidityDays() {
        return approvalValidityDays;
    }

    public void setApprovalValidityDays(int approvalValidityDays) {
        this.approvalValidityDays = approvalValidityDays;
    }
}
