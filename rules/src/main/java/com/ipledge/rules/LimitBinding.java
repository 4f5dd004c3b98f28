package com.ipledge.rules;

/** Which term of approvedLimit = min(requested, lending value, policy maximum, available quota) binds. */
public enum LimitBinding {
    REQUESTED, COLLATERAL, POLICY_MAXIMUM, QUOTA
}
