package com.ipledge.service.losssharing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipledge.service.calendar.WorkingDays;
import com.ipledge.service.losssharing.RiskLayerRepository.Enrolled;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Claim windows in working days, and the IP part of a loss on mixed collateral, by hand. */
class WorkingDaysTest {
    private static final WorkingDays MONDAY_TO_FRIDAY = new WorkingDays(Set.of(), Set.of());

    @Test
    void tenWorkingDaysSkipTwoWeekends() {
        // Friday 2026-12-04: Mon 7 .. Fri 11 are 5, Mon 14 .. Fri 18 are 10
        assertEquals(LocalDate.of(2026, 12, 18), MONDAY_TO_FRIDAY.after(LocalDate.of(2026, 12, 4), 10));
        // a Saturday counts from the Monday after: Mon 7 is the first
        assertEquals(LocalDate.of(2026, 12, 7), MONDAY_TO_FRIDAY.after(LocalDate.of(2026, 12, 5), 1));
        // Wednesday + 2 = Friday; + 3 = the Monday after
        assertEquals(LocalDate.of(2026, 12, 11), MONDAY_TO_FRIDAY.after(LocalDate.of(2026, 12, 9), 2));
        assertEquals(LocalDate.of(2026, 12, 14), MONDAY_TO_FRIDAY.after(LocalDate.of(2026, 12, 9), 3));
    }

    @Test
    void holidaysAreSkippedAndMakeUpWeekendDaysCount() {
        // 国庆 2026: Oct 1-7 off, Sat Oct 10 worked. From Wed Sep 30: Thu 8 (1), Fri 9 (2), Sat 10 (3),
        // Mon 12 .. Fri 16 (4..8), Mon 19 (9), Tue 20 (10)
        WorkingDays guoqing = new WorkingDays(Set.of(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 2),
                LocalDate.of(2026, 10, 3), LocalDate.of(2026, 10, 4), LocalDate.of(2026, 10, 5),
                LocalDate.of(2026, 10, 6), LocalDate.of(2026, 10, 7)), Set.of(LocalDate.of(2026, 10, 10)));
        assertEquals(LocalDate.of(2026, 10, 20), guoqing.after(LocalDate.of(2026, 9, 30), 10));
        assertEquals(LocalDate.of(2026, 10, 10), guoqing.after(LocalDate.of(2026, 10, 9), 1));
        // Monday to Friday alone would end on Wed Oct 14
        assertEquals(LocalDate.of(2026, 10, 14), MONDAY_TO_FRIDAY.after(LocalDate.of(2026, 9, 30), 10));
    }

    @Test
    void onlyTheIpShareOfAMixedLossIsCovered() {
        // 1,000,000.01 x 300,000 / (300,000 + 700,000) = 300,000.003 -> 300,000.00 (HALF_UP to the fen)
        assertEquals(new BigDecimal("300000.00"), LayerClaimFilings.covered(new BigDecimal("1000000.01"),
                enrolled("300000.00", "700000.00")));
        // 100.00 x 2 / 3 = 66.666... -> 66.67
        assertEquals(new BigDecimal("66.67"), LayerClaimFilings.covered(new BigDecimal("100.00"),
                enrolled("200000.00", "100000.00")));
        // no other collateral: the whole loss
        assertEquals(new BigDecimal("123.45"), LayerClaimFilings.covered(new BigDecimal("123.45"),
                enrolled("1.00", "0.00")));
    }

    private static Enrolled enrolled(String ip, String other) {
        return new Enrolled(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), new BigDecimal("1.00"),
                new BigDecimal(ip), new BigDecimal(other), BigDecimal.ONE, "test", null);
    }
}
