package com.ipledge.service.events;

import java.util.Arrays;
import java.util.Optional;

/** The events a bank can subscribe to, by the names they carry on the wire ({@code type}). */
public enum EventType {
    APPLICATION_EVALUATED("application.evaluated"),
    APPLICATION_APPROVED("application.approved"),
    APPLICATION_DECLINED("application.declined"),
    LOAN_DISBURSED("loan.disbursed"),
    REPAYMENT_RECORDED("repayment.recorded"),
    LOAN_CLASSIFICATION_CHANGED("loan.classification_changed"),
    ALERT_RAISED("alert.raised"),
    ALERT_RESOLVED("alert.resolved"),
    CLAIM_PAID("claim.paid"),
    CLAIM_FILED("claim.filed"),
    CLAIM_REFUSED("claim.refused"),
    CLAIM_CLAWED_BACK("claim.clawed_back"),
    PLEDGE_REGISTERED("pledge.registered"),
    PLEDGE_RELEASED("pledge.released"),
    BATCH_FINISHED("batch.finished");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<EventType> byWireName(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
