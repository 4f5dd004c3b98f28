package com.ipledge.service.ipasset;

import com.ipledge.service.identifier.Province;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;

/**
 * Where a pledge of the asset is registered: patents and marks with CNIPA, copyrights with the Copyright
 * Protection Center of China (which decides within 10 days of accepting the application), data IP on the issuing
 * province's platform.
 *
 * @param code               CNIPA, CPCC, or DATA-IP-{province code}
 * @param pledgeDecisionDays days the registry takes to decide on a pledge registration, where its rules fix them
 */
@Introspected
public record Registry(String code, String nameZh, String nameEn, @Nullable Integer pledgeDecisionDays) {
    static final Registry CNIPA = new Registry("CNIPA", "国家知识产权局",
            "China National Intellectual Property Administration", null);
    static final Registry CPCC = new Registry("CPCC", "中国版权保护中心", "Copyright Protection Center of China", 10);

    static Registry of(IpType type, @Nullable String issuingPlatform) {
        if (type.isCopyright()) {
            return CPCC;
        }
        if (type == IpType.DATA_IP) {
            Province p = Province.byRegionCode(issuingPlatform).orElseThrow();
            return new Registry("DATA-IP-" + p.regionCode(), p.nameZh() + "数据知识产权登记平台",
                    p.nameEn() + " data IP registration platform", null);
        }
        return CNIPA;
    }
}
