package com.ipledge.service.ipasset;

/** The kinds of IP a loan can be secured by (发明 / 实用新型 / 外观设计 / 商标 / 地理标志). */
public enum IpType {
    INVENTION_PATENT, UTILITY_MODEL, DESIGN_PATENT, TRADEMARK, GEOGRAPHICAL_INDICATION;

    public boolean isPatent() {
        return this == INVENTION_PATENT || this == UTILITY_MODEL || this == DESIGN_PATENT;
    }

    public boolean isMark() {
        return !isPatent();
    }
}
