package com.ipledge.service.losssharing;

/**
 * A layer's claim: FILED by the bank, UNDER_REVIEW by the layer's reviewer, then PAID (perhaps less than claimed,
 * when the pool's balance or the year's cap is short) or REFUSED with a reason. A paid claim keeps its status when
 * recoveries claw part of it back ({@code clawedBack}).
 */
public enum LayerClaimStatus { FILED, UNDER_REVIEW, PAID, REFUSED }
