package com.ipledge.valuation;

/**
 * Relief-from-royalty present value for one set of inputs, in closed form (the Monte Carlo calls it once per path,
 * the closed-form value once at the means, so both go through the very same arithmetic).
 *
 * <p>Cash flow of year t is {@code B (1+g)^(t-1) rho (1-tax)}, discounted by {@code (1+r)^t} (END_YEAR) or
 * {@code (1+r)^(t-0.5)} (MID_YEAR). With q = (1+g)/(1+r), life T = n + f (n whole years, fraction f):
 * <pre>
 *   PV = B rho (1-tax) / (1+r) x [ A(n) + f q^n ] x (MID_YEAR ? sqrt(1+r) : 1),   A(m) = sum_{j<m} q^j
 * </pre>
 * i.e. the fractional last year n+1 counts pro rata with its cash flow and its own discount factor.
 * A(m) = (q^m - 1) / d with d = q - 1 = (g - r)/(1 + r) taken from g - r directly; when |d| < 1e-6 (growth
 * within a hair of the discount rate, where that quotient would cancel) the Taylor series
 * m + C(m,2) d + C(m,3) d^2 is used instead (its error, of order m^4 d^3, is below 1e-12 of the value).
 * Only intrinsic Math functions (pow, sqrt): StrictMath's log1p/expm1 are several times slower on JDK 17.
 *
 * <p>Patents: T = min(economic life, remaining legal life). Marks: T = economic life; renewal k falls due at
 * e_k = e_1 + 10 (k-1) years, and a year's cash flow (whole or fractional) is multiplied by p^k when k renewals
 * fall due before its end (a year in which a renewal falls due is already at risk).
 */
final class IncomeModel {
    private static final int RENEWAL_TERM_YEARS = 10;

    private final double baseRevenue;
    private final double afterTax;
    private final boolean midYear;
    private final double legalCapYears;
    private final boolean renewable;
    private final int firstRenewalYear;
    private final double renewalSurvival;

    /**
     * @param legalCapYears    remaining legal life (patents), +infinity for marks
     * @param yearsToRenewal   marks: years to the end of the current registration term; ignored for patents
     */
    IncomeModel(double baseRevenue, double taxRate, Discounting discounting, double legalCapYears, boolean renewable,
            double yearsToRenewal, double renewalSurvival) {
        this.baseRevenue = baseRevenue;
        this.afterTax = 1 - taxRate;
        this.midYear = discounting == Discounting.MID_YEAR;
        this.legalCapYears = legalCapYears;
        this.renewable = renewable;
        // the first year whose end lies after the renewal date: renewal at e < t  <=>  t >= floor(e) + 1
        this.firstRenewalYear = renewable ? (int) Math.floor(yearsToRenewal) + 1 : Integer.MAX_VALUE;
        this.renewalSurvival = renewalSurvival;
    }

    double lifeUsed(double economicLife) {
        return Math.min(economicLife, legalCapYears);
    }

    double presentValue(double growth, double royalty, double discount, double economicLife) {
        double life = lifeUsed(economicLife);
        int n = (int) life;
        double f = life - n;
        double onePlusR = 1 + discount;
        double d = (growth - discount) / onePlusR;
        double q = 1 + d;
        double qn = Math.pow(q, n);
        double annuity = annuity(d, q, qn, n);
        double factor = annuity + f * qn;
        if (renewable && firstRenewalYear <= n + 1) {
            factor += renewalLoss(d, q, n, f, qn, annuity);
        }
        double pv = baseRevenue * royalty * afterTax * factor / onePlusR;
        return midYear ? pv * Math.sqrt(onePlusR) : pv;
    }

    /** Sum over renewals k of (p^k - p^(k-1)) x (the discounted-growth factor of every year at risk of renewal k). */
    private double renewalLoss(double d, double q, int n, double f, double qn, double annuity) {
        double loss = 0;
        double survivedBefore = 1;
        for (int s = firstRenewalYear; s <= n + 1; s += RENEWAL_TERM_YEARS) {
            double survivedAfter = survivedBefore * renewalSurvival;
            // years s..n, then the fractional year
            double atRisk = annuity - annuity(d, q, Math.pow(q, s - 1), s - 1) + f * qn;
            loss += (survivedAfter - survivedBefore) * atRisk;
            survivedBefore = survivedAfter;
        }
        return loss;
    }

    /** A(m) = sum_{j<m} q^j, given qm = q^m. */
    private static double annuity(double d, double q, double qm, int m) {
        if (Math.abs(d) < 1e-6) {
            double pairs = m * (m - 1.0) / 2;
            return m + pairs * d + pairs * (m - 2.0) / 3 * d * d;
        }
        return (qm - 1) / d;
    }
}
