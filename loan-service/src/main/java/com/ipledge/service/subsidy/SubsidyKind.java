package com.ipledge.service.subsidy;

/** What a subsidy pays part of: the interest of a repayment (贴息) or one of the fees the province subsidises. */
public enum SubsidyKind {
    INTEREST, GUARANTEE_FEE, INSURANCE_FEE, VALUATION_FEE;

    boolean isFee() {
        return this != INTEREST;
    }
}
