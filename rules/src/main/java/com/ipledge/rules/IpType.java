package com.ipledge.rules;

/** Kinds of pledgeable IP right (glossary: 发明 / 实用新型 / 外观设计 / 商标 / 地理标志). */
public enum IpType {
    INVENTION_PATENT("发明专利", "invention patent"),
    UTILITY_MODEL("实用新型", "utility model"),
    DESIGN_PATENT("外观设计", "design patent"),
    TRADEMARK("商标", "trademark"),
    GEOGRAPHICAL_INDICATION("地理标志", "geographical indication"),
    COPYRIGHT("作品著作权", "copyright"),
    SOFTWARE_COPYRIGHT("计算机软件著作权", "software copyright"),
    DATA_IP("数据知识产权", "data IP");

    private final String nameZh;
    private final String nameEn;

    IpType(String nameZh, String nameEn) {
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    /** Patents pay annual fees and end for good at the end of their term. */
    public boolean isPatent() {
        return this == INVENTION_PATENT || this == UTILITY_MODEL || this == DESIGN_PATENT;
    }

    /** Registered works and software: protected for a term fixed by the author's life or first publication. */
    public boolean isCopyright() {
        return this == COPYRIGHT || this == SOFTWARE_COPYRIGHT;
    }

    /** Rights that end for good on a fixed day (patents, copyrights, a data-IP certificate's validity). */
    public boolean hasFixedTerm() {
        return !isRenewable();
    }

    /** Trademarks (and GIs registered as collective or certification marks) renew every 10 years without limit. */
    public boolean isRenewable() {
        return this == TRADEMARK || this == GEOGRAPHICAL_INDICATION;
    }
}
