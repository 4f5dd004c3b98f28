package com.ipledge.risk.pd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsTest {
    private static final double[] SCORE = {0.1, 0.2, 0.3, 0.4, 0.5, 0.6};
    private static final boolean[] DEFAULTED = {false, false, true, false, true, true};

    @Test
    void aucCountsConcordantPairs() {
        // defaults at 0.3, 0.5, 0.6 vs non-defaults at 0.1, 0.2, 0.4: 8 of 9 pairs ordered correctly
        assertEquals(8.0 / 9.0, Metrics.auc(SCORE, DEFAULTED), 1e-12);
        assertEquals(0.5, Metrics.auc(new double[] {0.2, 0.2, 0.2, 0.2}, new boolean[] {true, false, true, false}));
    }

    @Test
    void ksIsTheLargestCdfGap() {
        assertEquals(2.0 / 3.0, Metrics.ks(SCORE, DEFAULTED), 1e-12);
    }

    @Test
    void brierAndCalibration() {
        assertEquals((0.01 + 0.04 + 0.49 + 0.16 + 0.25 + 0.16) / 6, Metrics.brier(SCORE, DEFAULTED), 1e-12);
        List<Map<String, Object>> table = Metrics.calibration(SCORE, DEFAULTED, 3);
        assertEquals(3, table.size());
        assertEquals(0.15, (Double) table.get(0).get("meanPd"), 1e-12);
        assertEquals(0.0, (Double) table.get(0).get("observedRate"), 1e-12);
        assertEquals(1.0, (Double) table.get(2).get("observedRate"), 1e-12);
    }

    @Test
    void stratifiedSplitKeepsTheDefaultRate() {
        boolean[] y = new boolean[1000];
        for (int i = 0; i < 100; i++) {
            y[i * 10] = true;
        }
        int[][] split = PdTrainer.stratifiedSplit(y, 3);
        assertEquals(700, split[0].length);
        assertEquals(300, split[1].length);
        assertEquals(70, java.util.Arrays.stream(split[0]).filter(i -> y[i]).count());
    }
}
