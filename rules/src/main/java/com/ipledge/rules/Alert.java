package com.ipledge.rules;

/** One reaction to a monitoring input; assetId null = about the whole loan (value drop, LTV breach). */
public record Alert(String ruleId, Severity severity, SuggestedAction action, String assetId, String messageZh,
                    String messageEn) {
}
