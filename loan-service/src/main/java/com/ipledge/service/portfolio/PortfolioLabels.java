package com.ipledge.service.portfolio;

import com.ipledge.rules.EcoIndustry;
import java.util.Map;
import java.util.Optional;

/**
 * Names for the levels the portfolio is sliced by: GB/T 4754-2017 sections, the province's ten ecological
 * industries, Gansu's prefecture-level divisions (GB/T 2260, the same table as demo/DemoProvince.REGIONS and the
 * apply form's regions.tsv) and IP types. Chinese first, English second.
 */
final class PortfolioLabels {
    static final String UNSPECIFIED = "UNSPECIFIED";

    record Label(String zh, String en) {
    }

    private static final Map<String, Label> SECTIONS = Map.ofEntries(
            Map.entry("A", new Label("农、林、牧、渔业", "Agriculture, forestry, animal husbandry and fishery")),
            Map.entry("B", new Label("采矿业", "Mining")),
            Map.entry("C", new Label("制造业", "Manufacturing")),
            Map.entry("D", new Label("电力、热力、燃气及水生产和供应业", "Electricity, heat, gas and water supply")),
            Map.entry("E", new Label("建筑业", "Construction")),
            Map.entry("F", new Label("批发和零售业", "Wholesale and retail trade")),
            Map.entry("G", new Label("交通运输、仓储和邮政业", "Transport, storage and post")),
            Map.entry("H", new Label("住宿和餐饮业", "Accommodation and catering")),
            Map.entry("I", new Label("信息传输、软件和信息技术服务业", "Information transmission, software and IT services")),
            Map.entry("J", new Label("金融业", "Finance")),
            Map.entry("K", new Label("房地产业", "Real estate")),
            Map.entry("L", new Label("租赁和商务服务业", "Leasing and business services")),
            Map.entry("M", new Label("科学研究和技术服务业", "Scientific research and technical services")),
            Map.entry("N", new Label("水利、环境和公共设施管理业", "Water conservancy, environment and public facilities")),
            Map.entry("O", new Label("居民服务、修理和其他服务业", "Resident, repair and other services")),
            Map.entry("P", new Label("教育", "Education")),
            Map.entry("Q", new Label("卫生和社会工作", "Health and social work")),
            Map.entry("R", new Label("文化、体育和娱乐业", "Culture, sports and entertainment")),
            Map.entry("S", new Label("公共管理、社会保障和社会组织", "Public administration, social security and organisations")),
            Map.entry("T", new Label("国际组织", "International organisations")));

    private static final Map<String, Label> GANSU_PREFECTURES = Map.ofEntries(
            Map.entry("620100", new Label("兰州", "Lanzhou")),
            Map.entry("620200", new Label("嘉峪关", "Jiayuguan")),
            Map.entry("620300", new Label("金昌", "Jinchang")),
            Map.entry("620400", new Label("白银", "Baiyin")),
            Map.entry("620500", new Label("天水", "Tianshui")),
            Map.entry("620600", new Label("武威", "Wuwei")),
            Map.entry("620700", new Label("张掖", "Zhangye")),
            Map.entry("620800", new Label("平凉", "Pingliang")),
            Map.entry("620900", new Label("酒泉", "Jiuquan")),
            Map.entry("621000", new Label("庆阳", "Qingyang")),
            Map.entry("621100", new Label("定西", "Dingxi")),
            Map.entry("621200", new Label("陇南", "Longnan")),
            Map.entry("622900", new Label("临夏", "Linxia")),
            Map.entry("623000", new Label("甘南", "Gannan")));

    private static final Map<String, Label> IP_TYPES = Map.of(
            "INVENTION_PATENT", new Label("发明专利", "Invention patent"),
            "UTILITY_MODEL", new Label("实用新型", "Utility model"),
            "DESIGN_PATENT", new Label("外观设计", "Design patent"),
            "TRADEMARK", new Label("商标", "Trademark"),
            "GEOGRAPHICAL_INDICATION", new Label("地理标志", "Geographical indication"),
            "COPYRIGHT", new Label("作品著作权", "Copyright"),
            "SOFTWARE_COPYRIGHT", new Label("软件著作权", "Software copyright"),
            "DATA_IP", new Label("数据知识产权", "Data IP"));

    private static final Label NONE = new Label("未指定", "Unspecified");

    private PortfolioLabels() {
    }

    /** The GB/T 4754 section (the code's letter) of an industry code; UNSPECIFIED when there is none. */
    static String section(String industryCode) {
        if (industryCode == null || industryCode.isBlank()) {
            return UNSPECIFIED;
        }
        String letter = industryCode.trim().substring(0, 1).toUpperCase(java.util.Locale.ROOT);
        return SECTIONS.containsKey(letter) ? letter : UNSPECIFIED;
    }

    static Label sectionLabel(String section) {
        return SECTIONS.getOrDefault(section, NONE);
    }

    static Label ecoIndustryLabel(String ecoIndustry) {
        if (ecoIndustry == null || UNSPECIFIED.equals(ecoIndustry)) {
            return NONE;
        }
        try {
            EcoIndustry e = EcoIndustry.valueOf(ecoIndustry);
            return new Label(e.nameZh(), e.name());
        } catch (IllegalArgumentException unknown) {
            return new Label(ecoIndustry, ecoIndustry);
        }
    }

    /**
     * The Gansu prefecture a region code lies in (a county code 620102 lies in 620100), if it is one of Gansu's
     * fourteen prefecture-level divisions.
     */
    static Optional<String> gansuPrefecture(String regionCode) {
        if (regionCode == null || !regionCode.matches("62\\d{4}")) {
            return Optional.empty();
        }
        String prefecture = regionCode.substring(0, 4) + "00";
        return GANSU_PREFECTURES.containsKey(prefecture) ? Optional.of(prefecture) : Optional.empty();
    }

    /** The prefecture's name when the code lies in one of Gansu's prefectures; null otherwise. */
    static Label regionLabel(String regionCode) {
        return gansuPrefecture(regionCode).map(GANSU_PREFECTURES::get).orElse(null);
    }

    static Label ipTypeLabel(String ipType) {
        return IP_TYPES.getOrDefault(ipType, ipType == null ? NONE : new Label(ipType, ipType));
    }
}
