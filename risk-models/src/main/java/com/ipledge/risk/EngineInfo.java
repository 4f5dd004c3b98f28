package com.ipledge.risk;

/** The risk engine's version, stored with every score so that it can be recomputed exactly. */
public final class EngineInfo {
    public static final String VERSION = "risk-models-0.1.0";

    private EngineInfo() {
    }
}
