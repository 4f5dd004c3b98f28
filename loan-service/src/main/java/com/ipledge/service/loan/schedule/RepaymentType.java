package com.ipledge.service.loan.schedule;

/** How a loan's principal is paid back; stored as {@code loan.repayment_type}. */
public enum RepaymentType {
    /**
     * 等额本息: a level monthly instalment {@code P r / (1 - (1 + r)^-n)}; each month's interest is charged on the
     * opening balance and the rest of the instalment repays principal; the last line settles the remaining balance.
     */
    EQUAL_INSTALMENTS,
    /** 按月付息到期还本: interest on the full principal every month, the whole principal with the last line. */
    INTEREST_ONLY_BULLET
}
