package com.ipledge.rules;

/** The province's ten ecological industries (十大生态产业), a priority tag that policy may favour. */
public enum EcoIndustry {
    ENERGY_SAVING_ENVIRONMENTAL("节能环保"),
    CLEAN_PRODUCTION("清洁生产"),
    CLEAN_ENERGY("清洁能源"),
    ADVANCED_MANUFACTURING("先进制造"),
    CULTURE_TOURISM("文化旅游"),
    CORRIDOR_LOGISTICS("通道物流"),
    CIRCULAR_AGRICULTURE("循环农业"),
    TRADITIONAL_CHINESE_MEDICINE("中医中药"),
    DATA_INFORMATION("数据信息"),
    MILITARY_CIVIL_FUSION("军民融合");

    private final String nameZh;

    EcoIndustry(String nameZh) {
        this.nameZh = nameZh;
    }

    public String nameZh() {
        return nameZh;
    }
}
