package com.ipledge.risk.portfolio;

/** The dimensions the bureau slices the portfolio by; {@link #jsonName()} is the key used in results. */
public enum Tag {
    BANK("bank"), INDUSTRY("industry"), REGION("region"), IP_TYPE("ipType");

    private final String jsonName;

    Tag(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return jsonName;
    }
}
