package com.ipledge.service.losssharing;

import java.math.BigDecimal;
import java.util.Set;

/**
 * What a configured scheme is, with only the terms its kind has. The kind names are those of the
 * {@code loss_sharing_scheme.kind} column and of the API.
 */
public sealed interface Facility permits Facility.GuaranteeInsurance, Facility.RiskCompensationPool,
        Facility.GuaranteeFund {
    String INSURANCE = "GUARANTEE_INSURANCE";
    String POOL = "RISK_COMPENSATION_POOL";
    String FUND = "GUARANTEE_FUND";
    Set<String> KINDS = Set.of(INSURANCE, POOL, FUND);

    String kind();

    /** Premium = principal x rate; the government pays premium x subsidy ratio of it. */
    record GuaranteeInsurance(BigDecimal premiumRate, BigDecimal premiumSubsidyRatio) implements Facility {
        @Override
        public String kind() {
            return INSURANCE;
        }
    }

    /** Covers principal x share (capped per loan) out of a capacity that disbursements use up. */
    record RiskCompensationPool(BigDecimal capacity, BigDecimal capacityUsed, BigDecimal perLoanCap)
            implements Facility {
        @Override
        public String kind() {
            return POOL;
        }

        public BigDecimal capacityAvailable() {
            return capacity == null ? null : capacity.subtract(capacityUsed);
        }
    }

    /** Bears its share of a loss up to a per-loan cap. */
    record GuaranteeFund(BigDecimal perLoanCap) implements Facility {
        @Override
        public String kind() {
            return FUND;
        }
    }
}
