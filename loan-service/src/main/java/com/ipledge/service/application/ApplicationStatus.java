package com.ipledge.service.application;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an application stands until it becomes a loan. EVALUATED means the rule base said APPROVE and an approver
 * must act; REFERRED means a person must look; DECLINED is final.
 */
public enum ApplicationStatus {
    SUBMITTED, EVALUATED, REFERRED, APPROVED, DECLINED, WITHDRAWN, EXPIRED;

    /** Statuses in which the rule base may (re)evaluate the application. */
    public static final Set<ApplicationStatus> EVALUABLE = EnumSet.of(SUBMITTED, EVALUATED, REFERRED);
    /** Statuses in which an approver may decide. */
    public static final Set<ApplicationStatus> DECIDABLE = EnumSet.of(EVALUATED, REFERRED);
    /** Statuses from which the applicant or the bank may withdraw (before disbursement). */
    public static final Set<ApplicationStatus> WITHDRAWABLE = EnumSet.of(SUBMITTED, EVALUATED, REFERRED, APPROVED);
}
