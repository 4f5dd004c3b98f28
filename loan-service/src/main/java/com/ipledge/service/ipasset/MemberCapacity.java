package com.ipledge.service.ipasset;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * How much a GI (or collective mark) may back in its association's members' loans at this bank, and how much the
 * loans it secures already take: the approved principal of every loan over it that is approved and not yet
 * disbursed, or in the book (live or defaulted). {@code capacity} is null while the association set none;
 * {@code remaining} is what is left, never below zero. No {@code members}: any borrower may borrow against the mark.
 */
@Introspected
public record MemberCapacity(UUID assetId, String associationCreditCode, @Nullable BigDecimal capacity,
                             BigDecimal used, @Nullable BigDecimal remaining, @Nullable LocalDate setOn,
                             @Nullable String document, List<Member> members, List<SecuredLoan> loans) {

    /** A member firm the association lets borrow against the mark. */
    @Introspected
    public record Member(String creditCode, String name) {
    }

    /** A loan the mark secures and what it takes of the capacity. */
    @Introspected
    public record SecuredLoan(UUID loanId, String borrowerCreditCode, BigDecimal principal, String status) {
    }

    public boolean isSet() {
        return capacity != null;
    }

    /** Whether {@code creditCode} may borrow against the mark: a listed member, or anyone without a list. */
    public boolean admits(String creditCode) {
        return members.isEmpty() || members.stream().anyMatch(m -> m.creditCode().equals(creditCode));
    }

    /** A loan over the mark has its pledge registered (and not released): the mark stands pledged to this bank. */
    public boolean pledgeRegistered() {
        return loans.stream().anyMatch(l -> !l.status().equals("APPROVED"));
    }
}
