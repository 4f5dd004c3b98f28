package com.ipledge.rules;

import com.ipledge.rules.params.EligibilityPolicy;
import com.ipledge.rules.params.LimitPolicy;
import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.rules.params.RiskShareScheme;
import com.ipledge.rules.params.RiskSharingPolicy;
import java.math.BigDecimal;
import java.util.List;

/** Copies of policy parameters with one thing changed. */
final class Params {
    private Params() {
    }

    static PolicyParameters eligibility(PolicyParameters p, EligibilityPolicy e) {
        return new PolicyParameters(p.version(), e, p.collateral(), p.limits(), p.pricing(), p.riskSharing(),
                p.monitoring(), p.classification(),
                p.lgd(), p.valuation(), p.portfolioRisk(), p.approval(), p.npl(), p.widerCollateral(), p.registry(),
                p.valuationGovernance(), p.scorecard());
    }

    static PolicyParameters largeFirmAction(PolicyParameters p, String action) {
        EligibilityPolicy e = p.eligibility();
        return eligibility(p, new EligibilityPolicy(action, e.minYearsInBusiness(), e.defaultLookbackYears(),
                e.referPd(), e.maxPd(), e.maxTermMonths(), e.favouredEcoIndustries()));
    }

    static PolicyParameters favoured(PolicyParameters p, List<String> industries) {
        EligibilityPolicy e = p.eligibility();
        return eligibility(p, new EligibilityPolicy(e.largeFirmAction(), e.minYearsInBusiness(),
                e.defaultLookbackYears(), e.referPd(), e.maxPd(), e.maxTermMonths(), industries));
    }

    static PolicyParameters limits(PolicyParameters p, LimitPolicy l) {
        return new PolicyParameters(p.version(), p.eligibility(), p.collateral(), l, p.pricing(), p.riskSharing(),
                p.monitoring(), p.classification(),
                p.lgd(), p.valuation(), p.portfolioRisk(), p.approval(), p.npl(), p.widerCollateral(), p.registry(),
                p.valuationGovernance(), p.scorecard());
    }

    static PolicyParameters concentration(PolicyParameters p, String action, String maxShare) {
        LimitPolicy l = p.limits();
        return limits(p, new LimitPolicy(l.valueGrades(), l.ltvCaps(), l.ecoLtvBonus(), new BigDecimal(maxShare),
                l.concentrationMinAssets(), action, l.maxLoanAmount()));
    }

    static PolicyParameters maxLoan(PolicyParameters p, String amount) {
        LimitPolicy l = p.limits();
        return limits(p, new LimitPolicy(l.valueGrades(), l.ltvCaps(), l.ecoLtvBonus(), l.maxSingleAssetShare(),
                l.concentrationMinAssets(), l.concentrationAction(), new BigDecimal(amount)));
    }

    static PolicyParameters schemes(PolicyParameters p, List<RiskShareScheme> schemes) {
        return new PolicyParameters(p.version(), p.eligibility(), p.collateral(), p.limits(), p.pricing(),
                new RiskSharingPolicy(schemes), p.monitoring(), p.classification(),
                p.lgd(), p.valuation(), p.portfolioRisk(), p.approval(), p.npl(), p.widerCollateral(), p.registry(),
                p.valuationGovernance(), p.scorecard());
    }

    static PolicyParameters version(PolicyParameters p, String version) {
        return new PolicyParameters(version, p.eligibility(), p.collateral(), p.limits(), p.pricing(),
                p.riskSharing(), p.monitoring(), p.classification(),
                p.lgd(), p.valuation(), p.portfolioRisk(), p.approval(), p.npl(), p.widerCollateral(), p.registry(),
                p.valuationGovernance(), p.scorecard());
    }

    static PolicyParameters registry(PolicyParameters p, com.ipledge.rules.params.RegistryPolicy r) {
        return new PolicyParameters(p.version(), p.eligibility(), p.collateral(), p.limits(), p.pricing(),
                p.riskSharing(), p.monitoring(), p.classification(),
                p.lgd(), p.valuation(), p.portfolioRisk(), p.approval(), p.npl(), p.widerCollateral(), r,
                p.valuationGovernance(), p.scorecard());
    }

    static PolicyParameters valuation(PolicyParameters p, com.ipledge.rules.params.ValuationPolicy v) {
        return new PolicyParameters(p.version(), p.eligibility(), p.collateral(), p.limits(), p.pricing(),
                p.riskSharing(), p.monitoring(), p.classification(),
                p.lgd(), v, p.portfolioRisk(), p.approval(), p.npl(), p.widerCollateral(), p.registry(),
                p.valuationGovernance(), p.scorecard());
    }

    static PolicyParameters governance(PolicyParameters p, com.ipledge.rules.params.ValuationGovernancePolicy g) {
        return new PolicyParameters(p.version(), p.eligibility(), p.collateral(), p.limits(), p.pricing(),
                p.riskSharing(), p.monitoring(), p.classification(),
                p.lgd(), p.valuation(), p.portfolioRisk(), p.approval(), p.npl(), p.widerCollateral(), p.registry(), g,
                p.scorecard());
    }

    static PolicyParameters scorecard(PolicyParameters p, com.ipledge.rules.params.ScorecardPolicy s) {
        return new PolicyParameters(p.version(), p.eligibility(), p.collateral(), p.limits(), p.pricing(),
                p.riskSharing(), p.monitoring(), p.classification(),
                p.lgd(), p.valuation(), p.portfolioRisk(), p.approval(), p.npl(), p.widerCollateral(), p.registry(),
                p.valuationGovernance(), s);
    }
}
