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
    GEOGRAPHICAL_INDICATION;

    /** Marks are renewable without limit, so their life is not capped by the current registration term. */
    public boolean isMark() {
        return this == TRADEMARK || this == GEOGRAPHICAL_INDICATION;
    }
}
