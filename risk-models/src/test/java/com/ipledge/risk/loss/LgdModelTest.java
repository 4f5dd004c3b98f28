package com.ipledge.risk.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.risk.RiskInputException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class LgdModelTest {
    private static final BigDecimal EAD = new BigDecimal("1000000.00");

    @Test
    void certainCollateralAboveEadWithNoFrictionsLosesNothing() {
        // a flat distribution: every quantile 3,000,000 (the lowest level sits at 1e-6 so the slide to 0 is negligible)
        List<ValueQuantile> q = List.of(new ValueQuantile(1e-6, new BigDecimal("3000000")),
                new ValueQuantile(0.999999, new BigDecimal("3000000")));
        LgdResult r = LgdModel.lgd(new LgdInput(EAD, q, 0.0, 0.0, 0.0, 0.0));
        assertEquals(0.0, r.lgd(), 1e-5);
    }

    @Test
    void haircutCostsAndDiscountingCombineMultiplicatively() {
        // value 1,000,000 for sure; 30% haircut, 10% costs, 12 months at 5%: recovery = 1e6 x 0.7 x 0.9 / 1.05
        List<ValueQuantile> q = List.of(new ValueQuantile(1e-6, EAD), new ValueQuantile(0.999999, EAD));
        LgdResult r = LgdModel.lgd(new LgdInput(EAD, q, 0.30, 12, 0.05, 0.10));
        assertEquals(1.0 - 0.7 * 0.9 / 1.05, r.lgd(), 1e-5);
        assertEquals(0.6, r.recoveryRate(), 1e-5);
    }

    @Test
    void recoveryIsCappedAtEadSoDispersionRaisesLgd() {
        // uniform value between 0 and 2,000,000: E[min(EAD, V)] = 750,000 although E[V] = EAD
        List<ValueQuantile> uniform = List.of(new ValueQuantile(0.5, EAD),
                new ValueQuantile(0.999999, new BigDecimal("1999998")));
        LgdResult r = LgdModel.lgd(new LgdInput(EAD, uniform, 0, 0, 0, 0));
        assertEquals(0.25, r.lgd(), 1e-4);
    }

    @Test
    void unsecuredLosesEverything() {
        assertEquals(1.0, LgdModel.lgd(new LgdInput(EAD, List.of(), 0.2, 6, 0.05, 0.1)).lgd());
    }

    @Test
    void expectedLossIsPdTimesLgdTimesEadInYuan() {
        assertEquals(new BigDecimal("13500.00"), LgdModel.expectedLoss(0.03, 0.45, EAD));
        assertEquals(new BigDecimal("0.01"), LgdModel.expectedLoss(0.005, 0.5, new BigDecimal("3.00")));
    }

    @Test
    void badInputNamesEveryField() {
        RiskInputException e = assertThrows(RiskInputException.class, () -> LgdModel.lgd(new LgdInput(
                new BigDecimal("-1"), List.of(new ValueQuantile(0.5, EAD), new ValueQuantile(0.4, EAD)),
                1.5, -1, 0.05, 0.1)));
        List<String> fields = e.problems().stream().map(RiskInputException.Problem::field).toList();
        assertTrue(fields.containsAll(List.of("ead", "haircut", "monthsToSell", "collateralValue[1].level")), fields::toString);
    }
}
