package com.ipledge.service.policy;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.math.BigDecimal;

/**
 * {@code ipledge.lifecycle.two-approver-threshold}: what a policy-parameters version that does not set
 * {@code approval.twoApproverThreshold} means (version 1, and versions stored before it was policy data).
 */
@ConfigurationProperties("ipledge.lifecycle")
record ConfiguredApproval(BigDecimal twoApproverThreshold) {
}
