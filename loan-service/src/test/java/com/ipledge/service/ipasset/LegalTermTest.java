package com.ipledge.service.ipasset;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LegalTermTest {

    @Test
    void termsOfProtection() {
        LocalDate filed = LocalDate.of(2017, 8, 10);
        assertEquals(LocalDate.of(2037, 8, 9), LegalTerm.expiresOn(IpType.INVENTION_PATENT, filed, null));
        assertEquals(LocalDate.of(2027, 8, 9), LegalTerm.expiresOn(IpType.UTILITY_MODEL, filed, null));
        assertEquals(LocalDate.of(2027, 8, 9), LegalTerm.expiresOn(IpType.DESIGN_PATENT, filed, null));
        LocalDate registered = LocalDate.of(2010, 3, 14);
        assertEquals(LocalDate.of(2020, 3, 13), LegalTerm.expiresOn(IpType.TRADEMARK, null, registered));
        assertEquals(LocalDate.of(2020, 3, 13),
                LegalTerm.expiresOn(IpType.GEOGRAPHICAL_INDICATION, null, registered));
    }

    @Test
    void designTermChangedOnFirstJune2021() {
        assertEquals(LocalDate.of(2031, 5, 30),
                LegalTerm.expiresOn(IpType.DESIGN_PATENT, LocalDate.of(2021, 5, 31), null));
        assertEquals(LocalDate.of(2036, 5, 31),
                LegalTerm.expiresOn(IpType.DESIGN_PATENT, LocalDate.of(2021, 6, 1), null));
    }

    @Test
    void remainingYears() {
        LocalDate expires = LocalDate.of(2030, 12, 31);
        // 2026-01-01 .. 2030-12-31 inclusive = 1826 days = 5.00 years of 365.25 days (4.9993 -> 5.00)
        assertEquals(new BigDecimal("5.00"), LegalTerm.remainingYears(expires, LocalDate.of(2026, 1, 1)));
        assertEquals(new BigDecimal("0.00"), LegalTerm.remainingYears(expires, LocalDate.of(2031, 6, 1)));
        assertEquals(new BigDecimal("0.00"), LegalTerm.remainingYears(expires, LocalDate.of(2031, 1, 1)));
        // the last day itself still counts: one day of protection left
        assertEquals(new BigDecimal("0.00"), LegalTerm.remainingYears(expires, expires));
    }
}
