package com.ipledge.service.ipasset;

/**
 * The kinds of IP a loan can be secured by (发明 / 实用新型 / 外观设计 / 商标 / 地理标志 / 作品著作权 / 计算机软件著作权 /
 * 数据知识产权).
 */
public enum IpType {
    INVENTION_PATENT, UTILITY_MODEL, DESIGN_PATENT, TRADEMARK, GEOGRAPHICAL_INDICATION, COPYRIGHT,
    SOFTWARE_COPYRIGHT, DATA_IP;

    public boolean isPatent() {
        return this == INVENTION_PATENT || this == UTILITY_MODEL || this == DESIGN_PATENT;
    }

    /** Trademarks and GIs: registered in Nice classes, renewable every 10 years without limit. */
    public boolean isMark() {
        return this == TRADEMARK || this == GEOGRAPHICAL_INDICATION;
    }

    public boolean isCopyright() {
        return this == COPYRIGHT || this == SOFTWARE_COPYRIGHT;
    }
}
