package com.ipledge.service.loan;

/** Days past due in the bands banks report: 1-30, 31-60, 61-90, 91-180, 181-360 and over 360. */
public enum DelinquencyBucket {
    CURRENT(0), DPD_1_30(1), DPD_31_60(31), DPD_61_90(61), DPD_91_180(91), DPD_181_360(181), DPD_OVER_360(361);

    private final int fromDays;

    DelinquencyBucket(int fromDays) {
        this.fromDays = fromDays;
    }

    public static DelinquencyBucket of(int daysPastDue) {
        if (daysPastDue < 0) {
            throw new IllegalArgumentException("days past due cannot be negative: " + daysPastDue);
        }
        DelinquencyBucket bucket = CURRENT;
        for (DelinquencyBucket b : values()) {
            if (daysPastDue >= b.fromDays) {
                bucket = b;
            }
        }
        return bucket;
    }
}
