package com.ipledge.service.intake;

/** A public-form intake waits (PENDING) until the bank's officer confirms it into an application or rejects it. */
public enum IntakeStatus {
    PENDING, CONFIRMED, REJECTED
}
