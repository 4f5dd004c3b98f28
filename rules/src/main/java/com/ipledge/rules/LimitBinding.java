package com.ipledge.rules;

/**
 * Which term of approvedLimit = min(requested, lending value, policy maximum, available quota) binds; GI_CAPACITY
 * when a pledged GI's member capacity left (LIMIT-GI-CAPACITY-001) lowered it further.
 */
public enum LimitBinding {
    REQUESTED, COLLATERAL, POLICY_MAXIMUM, QUOTA, GI_CAPACITY
}
