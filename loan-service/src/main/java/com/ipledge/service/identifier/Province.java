package com.ipledge.service.identifier;

import java.util.Arrays;
import java.util.Optional;

/**
 * The 31 mainland province-level divisions: GB/T 2260 code, one-character abbreviation (简称) and the alternative
 * one some registries print (川/蜀, 贵/黔, 云/滇, 陕/秦, 甘/陇). Copyright registration numbers name their issuer
 * by abbreviation; data-IP certificates are issued by a province's platform.
 */
public enum Province {
    BEIJING("11", '京', null, "北京市", "Beijing"),
    TIANJIN("12", '津', null, "天津市", "Tianjin"),
    HEBEI("13", '冀', null, "河北省", "Hebei"),
    SHANXI("14", '晋', null, "山西省", "Shanxi"),
    INNER_MONGOLIA("15", '蒙', null, "内蒙古自治区", "Inner Mongolia"),
    LIAONING("21", '辽', null, "辽宁省", "Liaoning"),
    JILIN("22", '吉', null, "吉林省", "Jilin"),
    HEILONGJIANG("23", '黑', null, "黑龙江省", "Heilongjiang"),
    SHANGHAI("31", '沪', null, "上海市", "Shanghai"),
    JIANGSU("32", '苏', null, "江苏省", "Jiangsu"),
    ZHEJIANG("33", '浙', null, "浙江省", "Zhejiang"),
    ANHUI("34", '皖', null, "安徽省", "Anhui"),
    FUJIAN("35", '闽', null, "福建省", "Fujian"),
    JIANGXI("36", '赣', null, "江西省", "Jiangxi"),
    SHANDONG("37", '鲁', null, "山东省", "Shandong"),
    HENAN("41", '豫', null, "河南省", "Henan"),
    HUBEI("42", '鄂', null, "湖北省", "Hubei"),
    HUNAN("43", '湘', null, "湖南省", "Hunan"),
    GUANGDONG("44", '粤', null, "广东省", "Guangdong"),
    GUANGXI("45", '桂', null, "广西壮族自治区", "Guangxi"),
    HAINAN("46", '琼', null, "海南省", "Hainan"),
    CHONGQING("50", '渝', null, "重庆市", "Chongqing"),
    SICHUAN("51", '川', '蜀', "四川省", "Sichuan"),
    GUIZHOU("52", '贵', '黔', "贵州省", "Guizhou"),
    YUNNAN("53", '云', '滇', "云南省", "Yunnan"),
    TIBET("54", '藏', null, "西藏自治区", "Tibet"),
    SHAANXI("61", '陕', '秦', "陕西省", "Shaanxi"),
    GANSU("62", '甘', '陇', "甘肃省", "Gansu"),
    QINGHAI("63", '青', null, "青海省", "Qinghai"),
    NINGXIA("64", '宁', null, "宁夏回族自治区", "Ningxia"),
    XINJIANG("65", '新', null, "新疆维吾尔自治区", "Xinjiang");

    private final String code;
    private final char abbreviation;
    private final Character alternative;
    private final String nameZh;
    private final String nameEn;

    Province(String code, char abbreviation, Character alternative, String nameZh, String nameEn) {
        this.code = code;
        this.abbreviation = abbreviation;
        this.alternative = alternative;
        this.nameZh = nameZh;
        this.nameEn = nameEn;
    }

    /** The six-digit GB/T 2260 code of the province itself, e.g. 620000. */
    public String regionCode() {
        return code + "0000";
    }

    public String nameZh() {
        return nameZh;
    }

    public String nameEn() {
        return nameEn;
    }

    public static Optional<Province> byAbbreviation(char c) {
        return Arrays.stream(values())
                .filter(p -> p.abbreviation == c || (p.alternative != null && p.alternative == c)).findFirst();
    }

    public static Optional<Province> byRegionCode(String code) {
        return Arrays.stream(values()).filter(p -> p.regionCode().equals(code)).findFirst();
    }

    /** Why {@code code} names no province, or empty: a province's own six-digit code (e.g. 110000 Beijing). */
    public static Optional<String> regionCodeProblem(String code) {
        if (code == null || code.isBlank()) {
            return Optional.of("is required: the GB/T 2260 code of the issuing province, e.g. 110000 (Beijing)");
        }
        if (!code.matches("\\d{2}0000")) {
            return Optional.of("must be a province's six-digit GB/T 2260 code ending 0000, e.g. 330000 (Zhejiang), "
                    + "not " + code);
        }
        return byRegionCode(code).isPresent() ? Optional.empty()
                : Optional.of(code + " is not a mainland province-level division");
    }
}
