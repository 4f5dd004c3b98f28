package com.ipledge.rules;

/** Alert severity, in increasing order. */
public enum Severity {
    INFO, WARNING, HIGH, CRITICAL
}
