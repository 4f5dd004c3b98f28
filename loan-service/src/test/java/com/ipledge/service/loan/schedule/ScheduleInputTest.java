package com.ipledge.service.loan.schedule;

import static com.ipledge.service.loan.schedule.ScheduleAssertions.yuan;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.ipledge.service.loan.schedule.RepaymentInputException.FieldProblem;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScheduleInputTest {

    @Test
    void everyBadArgumentIsNamedAtOnce() {
        RepaymentInputException e = assertThrows(RepaymentInputException.class, () -> RepaymentSchedule.of(
                yuan("-1.00"), new BigDecimal("4.35"), 0, null, null));

        assertEquals(List.of("principal", "annualRate", "termMonths", "type", "firstDueOn"),
                e.problems().stream().map(FieldProblem::field).toList());
        assertEquals("must be greater than 0", e.problems().get(0).message());
    }

    @Test
    void principalWithThreeDecimalsAndTooLongATermAreRejected() {
        RepaymentInputException e = assertThrows(RepaymentInputException.class, () -> RepaymentSchedule
                .fromDisbursement(yuan("100.005"), new BigDecimal("0.05"), 361, null,
                        RepaymentType.EQUAL_INSTALMENTS));

        assertEquals(List.of(
                        new FieldProblem("principal", "must have at most 2 decimals (yuan and fen)"),
                        new FieldProblem("termMonths", "must be between 1 and 360"),
                        new FieldProblem("disbursedOn", "is required")),
                e.problems());
    }

    @Test
    void trailingZerosBeyondTheFenAreAcceptedAndNormalised() {
        RepaymentSchedule schedule = RepaymentSchedule.of(new BigDecimal("1000.000"), new BigDecimal("0.12"), 1,
                LocalDate.of(2025, 1, 1), RepaymentType.EQUAL_INSTALMENTS);

        assertEquals(yuan("1000.00"), schedule.principal());
        assertEquals(yuan("10.00"), schedule.line(1).interest());
    }

    @Test
    void aScheduleRebuiltFromRowsMustAddUpToItsPrincipal() {
        List<ScheduleLine> lines = List.of(
                new ScheduleLine(1, LocalDate.of(2025, 1, 1), yuan("50.00"), yuan("1.00")),
                new ScheduleLine(2, LocalDate.of(2025, 2, 1), yuan("49.99"), yuan("0.50")));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new RepaymentSchedule(lines, yuan("100.00"), new BigDecimal("0.12"),
                        RepaymentType.EQUAL_INSTALMENTS));
        assertEquals("line principal sums to 99.99, not to the principal 100.00", e.getMessage());
    }

    @Test
    void aScheduleRebuiltFromRowsNeedsNonDecreasingDueDatesAndConsecutiveSeq() {
        LocalDate day = LocalDate.of(2025, 1, 1);
        assertThrows(IllegalArgumentException.class, () -> new RepaymentSchedule(List.of(
                new ScheduleLine(1, day, yuan("50.00"), yuan("0.00")),
                new ScheduleLine(2, day.minusDays(1), yuan("50.00"), yuan("0.00"))),
                yuan("100.00"), BigDecimal.ZERO, RepaymentType.EQUAL_INSTALMENTS));
        // a prepayment's settled line shares its value date with the instalment paid that day
        assertEquals(2, new RepaymentSchedule(List.of(
                new ScheduleLine(1, day, yuan("50.00"), yuan("0.00")),
                new ScheduleLine(2, day, yuan("50.00"), yuan("0.00"))),
                yuan("100.00"), BigDecimal.ZERO, RepaymentType.EQUAL_INSTALMENTS).termMonths());
        assertThrows(IllegalArgumentException.class, () -> new RepaymentSchedule(List.of(
                new ScheduleLine(2, day, yuan("100.00"), yuan("0.00"))),
                yuan("100.00"), BigDecimal.ZERO, RepaymentType.EQUAL_INSTALMENTS));
    }

    @Test
    void theLevelPaymentRejectsATermOfZeroMonths() {
        RepaymentInputException e = assertThrows(RepaymentInputException.class,
                () -> RepaymentSchedule.levelPayment(yuan("1000.00"), new BigDecimal("0.05"), 0));

        assertEquals(List.of(new FieldProblem("termMonths", "must be between 1 and 360")), e.problems());
    }
}
