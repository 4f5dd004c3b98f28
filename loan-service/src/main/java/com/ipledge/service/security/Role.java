package com.ipledge.service.security;

/** Who a caller is. Bank roles belong to exactly one bank. */
public enum Role {
    ADMIN, BUREAU, BANK_OFFICER, BANK_APPROVER;

    public boolean isBankRole() {
        return this == BANK_OFFICER || this == BANK_APPROVER;
    }
}
