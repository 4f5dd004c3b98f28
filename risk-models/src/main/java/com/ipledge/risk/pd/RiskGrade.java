package com.ipledge.risk.pd;

/**
 * The master scale: ten grades by one-year PD. Band edges roughly double from grade to grade, as on most banks'
 * scales, so each grade is a similar step in log-odds. A grade covers [lower, upper).
 */
public enum RiskGrade {
    A1(0.0, 0.0010), A2(0.0010, 0.0025), A3(0.0025, 0.0050),
    B1(0.0050, 0.0100), B2(0.0100, 0.0200), B3(0.0200, 0.0400),
    C1(0.0400, 0.0800), C2(0.0800, 0.1500), C3(0.1500, 0.3000),
    D(0.3000, 1.0000001);

    private final double lower;
    private final double upper;

    RiskGrade(double lower, double upper) {
        this.lower = lower;
        this.upper = upper;
    }

    public double lowerPd() {
        return lower;
    }

    public double upperPd() {
        return Math.min(1.0, upper);
    }

    public static RiskGrade of(double pd) {
        for (RiskGrade grade : values()) {
            if (pd < grade.upper) {
                return grade;
            }
        }
        return D;
    }
}
