package com.ipledge.service.losssharing;

import com.ipledge.service.losssharing.Facility.GuaranteeFund;
import com.ipledge.service.losssharing.Facility.GuaranteeInsurance;
import com.ipledge.service.losssharing.Facility.RiskCompensationPool;
import com.ipledge.service.losssharing.LossSharingRepository.Claim;
import com.ipledge.service.losssharing.LossSharingRepository.Recovery;
import com.ipledge.service.losssharing.LossSharingRepository.Scheme;
import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** What the loss-sharing endpoints answer. Party keys in maps are lowerCamel ({@link Parties#key}). */
public final class LossSharingViews {
    private LossSharingViews() {
    }

    @Introspected
    public record SchemeView(UUID id, String name, String kind, String ruleScheme, String party, BigDecimal share,
                             BigDecimal coverageRatio, BigDecimal premiumRate, BigDecimal premiumSubsidyRatio,
                             BigDecimal capacity, BigDecimal capacityUsed, BigDecimal capacityAvailable,
                             BigDecimal perLoanCap, String createdBy, OffsetDateTime createdAt) {
        static SchemeView of(Scheme s) {
            Facility f = s.facility();
            GuaranteeInsurance insurance = f instanceof GuaranteeInsurance i ? i : null;
            RiskCompensationPool pool = f instanceof RiskCompensationPool p ? p : null;
            BigDecimal perLoanCap = pool != null ? pool.perLoanCap()
                    : f instanceof GuaranteeFund g ? g.perLoanCap() : null;
            return new SchemeView(s.id(), s.name(), f.kind(), s.ruleScheme(), s.party(), s.share(),
                    insurance == null ? null : s.share(), insurance == null ? null : insurance.premiumRate(),
                    insurance == null ? null : insurance.premiumSubsidyRatio(),
                    pool == null ? null : pool.capacity(), pool == null ? null : pool.capacityUsed(),
                    pool == null ? null : pool.capacityAvailable(), perLoanCap, s.createdBy(), s.createdAt());
        }
    }

    /** One party's cover of a loan, as frozen at disbursement. */
    @Introspected
    public record CoverView(String party, String scheme, UUID schemeId, BigDecimal share, BigDecimal lossCap,
                            BigDecimal premium, BigDecimal premiumSubsidy, BigDecimal poolExposure) {
    }

    @Introspected
    public record ClaimView(UUID id, UUID loanId, String party, BigDecimal amount, ClaimStatus status,
                            LocalDate filedOn, LocalDate paidOn) {
        static ClaimView of(Claim c) {
            return new ClaimView(c.id(), c.loanId(), c.party(), c.amount(), c.status(), c.filedOn(), c.paidOn());
        }
    }

    @Introspected
    public record AllocationView(String party, BigDecimal share, BigDecimal amount, boolean capped) {
    }

    @Introspected
    public record RecoveryView(UUID id, UUID loanId, BigDecimal amount, BigDecimal costs, BigDecimal netAmount,
                               LocalDate recoveredOn, String method, Map<String, BigDecimal> shares,
                               BigDecimal totalNetRecovered, BigDecimal realisedLgd) {
        static RecoveryView of(Recovery r, BigDecimal totalNetRecovered, BigDecimal realisedLgd) {
            return new RecoveryView(r.id(), r.loanId(), r.amount(), r.costs(), r.netAmount(), r.recoveredOn(),
                    r.method(), Parties.keyed(r.shares()), totalNetRecovered, realisedLgd);
        }
    }

    /**
     * A default: the exposure, the loss (= EAD, before recoveries), its allocation (lossAllocation by party key;
     * allocations with shares and caps), the claims filed, and the recoveries so far with the realised LGD.
     */
    @Introspected
    public record DefaultView(UUID loanId, LocalDate defaultedOn, String note, String scheme,
                              BigDecimal outstandingPrincipal, BigDecimal interestDue, BigDecimal exposureAtDefault,
                              BigDecimal loss, Map<String, BigDecimal> lossAllocation,
                              List<AllocationView> allocations, List<ClaimView> claims,
                              BigDecimal netRecovered, BigDecimal realisedLgd, List<RecoveryView> recoveries) {
    }

    @Introspected
    public record OverallNplView(UUID bankId, LocalDate asOf, BigDecimal overallNplRatio) {
    }

    /**
     * One bank's IP-loan NPL against its overall NPL plus the tolerance. {@code limit} and {@code breached} are
     * absent while the bureau has not set the bank's overall ratio.
     */
    @Introspected
    public record NplView(UUID bankId, String bankCode, BigDecimal totalOutstanding,
                          BigDecimal defaultedOutstanding, BigDecimal nonPerformingOutstanding,
                          BigDecimal ipNplRatio, BigDecimal overallNplRatio,
                          LocalDate overallAsOf, BigDecimal tolerance, BigDecimal limit, Boolean breached) {
    }

    @Introspected
    public record NplReport(LocalDate asOf, BigDecimal tolerance, List<NplView> banks) {
    }
}
