package com.ipledge.valuation;

/** The valuation engine's version, stored with every valuation so that it can be recomputed exactly. */
public final class EngineInfo {
    public static final String VERSION = "valuation-0.1.0";

    private EngineInfo() {
    }
}
