package com.ipledge.service.loan;

import java.util.List;

/**
 * The five categories (五级分类) in order from best to worst. Non-performing means substandard or worse: the one
 * definition every NPL figure uses ({@link #NON_PERFORMING}).
 */
public enum Classification {
    NORMAL("正常"), SPECIAL_MENTION("关注"), SUBSTANDARD("次级"), DOUBTFUL("可疑"), LOSS("损失");

    /** The names of the non-performing categories, for queries. */
    public static final List<String> NON_PERFORMING = List.of(SUBSTANDARD.name(), DOUBTFUL.name(), LOSS.name());

    private final String zh;

    Classification(String zh) {
        this.zh = zh;
    }

    public String zh() {
        return zh;
    }

    public boolean isNonPerforming() {
        return compareTo(SUBSTANDARD) >= 0;
    }

    public boolean isWorseThan(Classification other) {
        return compareTo(other) > 0;
    }

    public static Classification worse(Classification a, Classification b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
