package com.ipledge.risk.capital;

/** Basel IRB asset classes offered by {@code POST /risk/capital}. Retail classes carry no maturity adjustment. */
public enum AssetClass {
    CORPORATE,
    /** Corporate with the firm-size adjustment; needs the borrower's turnover in EUR millions. */
    SME_CORPORATE,
    /** Retail secured by residential real estate, R = 0.15. */
    RETAIL_MORTGAGE,
    /** Qualifying revolving retail, R = 0.04. */
    RETAIL_QRRE,
    /** Other retail, R = 0.03 f + 0.16 (1 - f) with f = (1 - e^(-35 PD)) / (1 - e^(-35)). */
    RETAIL_OTHER
}
