package com.ipledge.valuation;

/** The asset's litigation record, as far as it bears on the stability of the right. */
public enum Litigation {
    NONE,
    /** A suit or invalidation request is undecided. */
    PENDING,
    /** The right survived a challenge (validity upheld or infringement suit won). */
    UPHELD,
    /** The right was partly invalidated or an infringement suit on it was lost. */
    LOST
}
