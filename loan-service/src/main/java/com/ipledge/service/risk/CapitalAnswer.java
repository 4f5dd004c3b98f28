package com.ipledge.service.risk;

import com.ipledge.risk.capital.CapitalResult;
import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;

/**
 * The answer of {@code POST /risk/capital}: Basel IRB figures. {@code riskWeight} is a decimal (0.9232 means
 * 92.32%), {@code rwa} = 12.5 x capitalRequirement x ead in yuan; {@code pdUsed} is the PD after the 0.0003
 * floor and {@code maturityUsed} the maturity after the [1, 5] year bounds (0 for retail).
 */
@Introspected
public record CapitalAnswer(double correlation, double maturityAdjustment, double capitalRequirement,
                            double riskWeight, BigDecimal rwa, String assetClass, double pdUsed,
                            double maturityUsed, String engineVersion) {

    static CapitalAnswer of(CapitalResult r) {
        return new CapitalAnswer(r.correlation(), r.maturityAdjustment(), r.capitalRequirement(), r.riskWeight(),
                r.rwa(), r.assetClass().name(), r.pdUsed(), r.maturityUsed(), r.engineVersion());
    }
}
