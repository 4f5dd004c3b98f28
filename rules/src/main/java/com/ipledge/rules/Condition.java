package com.ipledge.rules;

/** Something that must be done before disbursement, in Chinese and English; assetId null = the whole loan. */
public record Condition(String ruleId, String assetId, String messageZh, String messageEn) {
}
