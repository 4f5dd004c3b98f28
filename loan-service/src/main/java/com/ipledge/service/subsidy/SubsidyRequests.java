package com.ipledge.service.subsidy;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The bodies of the subsidy routes. */
public final class SubsidyRequests {
    private SubsidyRequests() {
    }

    /** The terms a programme is created or changed with; every field is required. */
    interface TermsInput {
        String name();

        LocalDate validFrom();

        LocalDate validTo();

        BigDecimal budget();

        BigDecimal interestShare();

        BigDecimal rateCapMarkup();

        BigDecimal interestCapPerFirmYear();

        BigDecimal minIpShare();

        List<String> eligibleIpTypes();

        BigDecimal guaranteeFeeShare();

        BigDecimal guaranteeFeeCap();

        BigDecimal insuranceFeeShare();

        BigDecimal insuranceFeeCap();

        BigDecimal valuationFeeShare();

        BigDecimal valuationFeeCap();
    }

    @Introspected
    public record NewProgramme(String code, String name, LocalDate validFrom, LocalDate validTo, BigDecimal budget,
                               BigDecimal interestShare, BigDecimal rateCapMarkup,
                               BigDecimal interestCapPerFirmYear, BigDecimal minIpShare, List<String> eligibleIpTypes,
                               BigDecimal guaranteeFeeShare, BigDecimal guaranteeFeeCap,
                               BigDecimal insuranceFeeShare, BigDecimal insuranceFeeCap,
                               BigDecimal valuationFeeShare, BigDecimal valuationFeeCap) implements TermsInput {
    }

    /** A programme's new terms (its code stays); the budget never below what is committed and paid. */
    @Introspected
    public record ProgrammeChange(String name, LocalDate validFrom, LocalDate validTo, BigDecimal budget,
                                  BigDecimal interestShare, BigDecimal rateCapMarkup,
                                  BigDecimal interestCapPerFirmYear, BigDecimal minIpShare,
                                  List<String> eligibleIpTypes, BigDecimal guaranteeFeeShare,
                                  BigDecimal guaranteeFeeCap, BigDecimal insuranceFeeShare,
                                  BigDecimal insuranceFeeCap, BigDecimal valuationFeeShare,
                                  BigDecimal valuationFeeCap) implements TermsInput {
    }

    /** {@code otherCollateralValue}: the value of the loan's non-IP collateral at approval (0 when none). */
    @Introspected
    public record NewEnrolment(UUID programmeId, UUID loanId, @Nullable BigDecimal otherCollateralValue) {
    }

    /** A fee the borrower paid on an enrolled loan: GUARANTEE_FEE, INSURANCE_FEE or VALUATION_FEE. */
    @Introspected
    public record NewFee(UUID enrolmentId, SubsidyKind kind, BigDecimal amount, LocalDate paidOn,
                         @Nullable String reference) {
    }

    @Introspected
    public record NewClaim(UUID programmeId, Integer year, Integer quarter) {
    }

    /** The bureau's decision; a refusal needs a reason. */
    @Introspected
    public record ClaimDecision(Boolean approve, @Nullable String reason) {
    }

    @Introspected
    public record ClaimPayment(LocalDate paidOn) {
    }
}
