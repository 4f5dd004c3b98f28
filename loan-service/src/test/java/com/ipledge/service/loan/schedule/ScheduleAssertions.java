package com.ipledge.service.loan.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;

/** Compares schedule lines with hand-computed rows, amounts to the fen (scale 2 included). */
final class ScheduleAssertions {
    private ScheduleAssertions() {
    }

    static BigDecimal yuan(String amount) {
        return new BigDecimal(amount);
    }

    /** {@code row} is "seq dueOn principal interest total", e.g. "1 2025-02-15 81684.90 3625.00 85309.90". */
    static void assertLine(ScheduleLine line, String row) {
        String[] f = row.trim().split("\\s+");
        assertEquals(Integer.parseInt(f[0]), line.seq(), "seq of " + row);
        assertEquals(LocalDate.parse(f[1]), line.dueOn(), "due date of line " + f[0]);
        assertEquals(yuan(f[2]), line.principal(), "principal of line " + f[0]);
        assertEquals(yuan(f[3]), line.interest(), "interest of line " + f[0]);
        assertEquals(yuan(f[4]), line.total(), "total of line " + f[0]);
    }

    static void assertLines(RepaymentSchedule schedule, String... rows) {
        assertEquals(rows.length, schedule.lines().size(), "number of lines");
        for (int i = 0; i < rows.length; i++) {
            assertLine(schedule.lines().get(i), rows[i]);
        }
    }
}
