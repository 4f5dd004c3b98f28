package com.ipledge.rules;

/**
 * Why a rule fired, in Chinese and English.
 *
 * @param ruleId  the stable rule id, e.g. {@code COLL-STATUS-001}
 * @param assetId the collateral item the reason is about, or null when it concerns the whole application
 */
public record Reason(String ruleId, Effect effect, String assetId, String messageZh, String messageEn) {
}
