package com.ipledge.valuation;

/** The valuation engine's version, stored with every valuation so that it can be recomputed exactly. */
public final class EngineInfo {
    /** Bump whenever any change could alter a result for the same request and seed. */
    public static final String VERSION = "valuation-1.1.0";

    private EngineInfo() {
    }
}
