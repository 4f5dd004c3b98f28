package com.ipledge.valuation;

/** The kinds of registered IP a borrower can pledge. */
public enum AssetType {
    /** 发明专利: 20 years from filing. */
    INVENTION_PATENT,
    /** 实用新型: 10 years from filing. */
    UTILITY_MODEL,
    /** 外观设计: 15 years from filing for applications filed from 2021-06-01, 10 years before. */
    DESIGN_PATENT,
    /** 商标: 10 years from registration, renewable for 10 years at a time. */
    TRADEMARK,
    /** 地理标志, registered as a collective or certification mark: same term and renewal as a trademark. */
    GEOGRAPHICAL_INDICATION,
    /** 作品著作权: the author's life + 50 years, or 50 years from first publication; valued with legalExpiryDate. */
    COPYRIGHT,
    /** 计算机软件著作权: as a registered work. */
    SOFTWARE_COPYRIGHT,
    /** 数据知识产权登记证书: valid until a date the issuing platform sets. */
    DATA_IP;

    /** Patents: a statutory term from filing. */
    public boolean isPatent() {
        return this == INVENTION_PATENT || this == UTILITY_MODEL || this == DESIGN_PATENT;
    }

    /** Marks are renewable without limit, so their life is not capped by the current registration term. */
    public boolean isMark() {
        return this == TRADEMARK || this == GEOGRAPHICAL_INDICATION;
    }
}
