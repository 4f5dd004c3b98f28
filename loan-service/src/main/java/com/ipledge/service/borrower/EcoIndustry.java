package com.ipledge.service.borrower;

/** The province's ten ecological industries (十大生态产业), a priority tag that policy rules may favour. */
public enum EcoIndustry {
    ENERGY_CONSERVATION("节能环保"),
    CLEAN_PRODUCTION("清洁生产"),
    CLEAN_ENERGY("清洁能源"),
    ADVANCED_MANUFACTURING("先进制造"),
    CULTURAL_TOURISM("文化旅游"),
    CHANNEL_LOGISTICS("通道物流"),
    CIRCULAR_AGRICULTURE("循环农业"),
    CHINESE_MEDICINE("中医中药"),
    DATA_INFORMATION("数据信息"),
    MILITARY_CIVIL_INTEGRATION("军民融合");

    private final String nameZh;

    EcoIndustry(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
