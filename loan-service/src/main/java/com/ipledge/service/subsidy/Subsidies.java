package com.ipledge.service.subsidy;

import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The subsidy records as stored and as the API shows them. */
public final class Subsidies {
    private Subsidies() {
    }

    /** A programme: its current terms, its budget counters and its version history. */
    @Introspected
    public record Programme(UUID id, String code, String name, LocalDate validFrom, LocalDate validTo,
                            BigDecimal budget, BigDecimal committed, BigDecimal paid, BigDecimal available,
                            BigDecimal interestShare, BigDecimal rateCapMarkup, BigDecimal interestCapPerFirmYear,
                            BigDecimal minIpShare, List<String> eligibleIpTypes,
                            Map<SubsidyKind, ProgrammeTerms.Fee> feeSubsidies, int version,
                            OffsetDateTime createdAt, OffsetDateTime updatedAt, List<Version> versions) {
        ProgrammeTerms terms() {
            return new ProgrammeTerms(name, validFrom, validTo, budget, interestShare, rateCapMarkup,
                    interestCapPerFirmYear, minIpShare, eligibleIpTypes, feeSubsidies);
        }

        Programme withVersions(List<Version> history) {
            return new Programme(id, code, name, validFrom, validTo, budget, committed, paid, available,
                    interestShare, rateCapMarkup, interestCapPerFirmYear, minIpShare, eligibleIpTypes,
                    feeSubsidies, version, createdAt, updatedAt, history);
        }
    }

    /** One version of a programme's terms (JSON as stored), who set it and when. */
    @Introspected
    public record Version(int version, String terms, String changedBy, OffsetDateTime changedAt) {
    }

    /** A loan enrolled in a programme, with the IP share every subsidy of the loan is paid on. */
    @Introspected
    public record Enrolment(UUID id, UUID programmeId, UUID loanId, UUID bankId, String creditCode,
                            BigDecimal ipValue, BigDecimal eligibleIpValue, BigDecimal otherCollateralValue,
                            BigDecimal ipShare, String enrolledBy, OffsetDateTime enrolledAt) {
    }

    /**
     * One subsidy earned by a real payment: {@code base} is the interest or fee paid, {@code computed} the subsidy
     * before the firm's yearly cap, {@code amount} what the cap left.
     */
    @Introspected
    public record Accrual(UUID id, UUID enrolmentId, UUID programmeId, int programmeVersion, UUID loanId,
                          UUID bankId, String creditCode, SubsidyKind kind, UUID sourceId, String feeReference,
                          LocalDate paidOn, int year, int quarter, BigDecimal base, BigDecimal actualRate, BigDecimal lpr,
                          BigDecimal countedRate, BigDecimal share, BigDecimal ipShare, BigDecimal computed,
                          BigDecimal amount, UUID claimId, OffsetDateTime createdAt) {
    }

    /** A bank's claim for one quarter of one programme; {@code accruals} only when one claim is read. */
    @Introspected
    public record Claim(UUID id, UUID programmeId, UUID bankId, int year, int quarter, BigDecimal amount,
                        ClaimStatus status, String reason, String filedBy, OffsetDateTime filedAt, String decidedBy,
                        OffsetDateTime decidedAt, LocalDate paidOn, OffsetDateTime paidAt, List<Accrual> accruals) {
        Claim withAccruals(List<Accrual> lines) {
            return new Claim(id, programmeId, bankId, year, quarter, amount, status, reason, filedBy, filedAt,
                    decidedBy, decidedAt, paidOn, paidAt, lines);
        }
    }
}
