package com.ipledge.service.loan;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipledge.rules.params.ClassificationPolicy;
import com.ipledge.service.loan.schedule.ScheduleLine;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The floors and buckets at every boundary the regulator and the issue name, and one hand-computed penalty. */
class DelinquencyTest {
    private static final ClassificationPolicy POLICY = ClassificationPolicy.defaults();

    @ParameterizedTest(name = "{0} days past due: {1}, {2}")
    @CsvSource({
        "0, NORMAL, CURRENT", "1, NORMAL, DPD_1_30", "7, NORMAL, DPD_1_30", "8, SPECIAL_MENTION, DPD_1_30",
        "30, SPECIAL_MENTION, DPD_1_30", "31, SPECIAL_MENTION, DPD_31_60", "60, SPECIAL_MENTION, DPD_31_60",
        "61, SPECIAL_MENTION, DPD_61_90", "90, SPECIAL_MENTION, DPD_61_90", "91, SUBSTANDARD, DPD_91_180",
        "180, SUBSTANDARD, DPD_91_180", "181, SUBSTANDARD, DPD_181_360", "270, SUBSTANDARD, DPD_181_360",
        "271, DOUBTFUL, DPD_181_360", "360, DOUBTFUL, DPD_181_360", "361, LOSS, DPD_OVER_360",
        "5000, LOSS, DPD_OVER_360"})
    void floorsAndBuckets(int days, Classification floor, DelinquencyBucket bucket) {
        assertEquals(floor, Delinquency.floor(days, POLICY));
        assertEquals(bucket, DelinquencyBucket.of(days));
    }

    @Test
    void penaltyInterestByHand() {
        // line 1 (due 1 March) unpaid: 10,000.00 principal; line 2 (due 1 April) half paid: 5,000.00 of 10,000.00
        LocalDate asOf = LocalDate.of(2026, 5, 1);
        List<LoanRepository.PaidLine> lines = List.of(
                new LoanRepository.PaidLine(new ScheduleLine(1, LocalDate.of(2026, 3, 1), new BigDecimal("10000.00"),
                        new BigDecimal("100.00")), new BigDecimal("0.00"), new BigDecimal("0.00")),
                new LoanRepository.PaidLine(new ScheduleLine(2, LocalDate.of(2026, 4, 1), new BigDecimal("10000.00"),
                        new BigDecimal("50.00")), new BigDecimal("5000.00"), new BigDecimal("50.00")),
                new LoanRepository.PaidLine(new ScheduleLine(3, LocalDate.of(2026, 5, 1), new BigDecimal("10000.00"),
                        new BigDecimal("25.00")), new BigDecimal("0.00"), new BigDecimal("0.00")));
        Delinquency d = Delinquency.of(lines, new BigDecimal("0.0400"), false, asOf, POLICY);
        assertEquals(61, d.daysPastDue(), "1 March to 1 May; the line due today is not overdue yet");
        assertEquals(DelinquencyBucket.DPD_61_90, d.bucket());
        assertEquals(Classification.SPECIAL_MENTION, d.floor());
        assertEquals(new BigDecimal("15000.00"), d.overduePrincipal());
        assertEquals(new BigDecimal("100.00"), d.overdueInterest());
        // 10,000 x 6% x 61 / 360 = 101.666..., 5,000 x 6% x 30 / 360 = 25.00: 126.67
        assertEquals(new BigDecimal("126.67"), d.penaltyInterest());
        assertEquals(Classification.SUBSTANDARD,
                Delinquency.of(List.of(), new BigDecimal("0.04"), true, asOf, POLICY).floor(), "in default");
    }
}
