package com.ipledge.service.loan.schedule;

/**
 * What an early repayment does to the plan of the lines still to come, as the borrower and the bank chose it
 * ({@code prepaymentMode} of {@code POST /loans/{id}/repayments}). Either way the prepaid principal becomes a
 * settled line on the value date and the remaining lines are a new plan over the balance left.
 */
public enum PrepaymentMode {
    /**
     * 缩短期限: the instalment stays what the next line asked for and the balance is amortised with it, so fewer lines
     * remain (the last one smaller); the dates of the remaining lines do not move. Equal instalments only.
     */
    SHORTEN_TERM,
    /**
     * 减少月供: as many lines remain as before, re-levelled over the balance left ({@code B r / (1 - (1 + r)^-n)}); an
     * interest-only loan pays interest on the lower balance.
     */
    REDUCE_INSTALMENT
}
