package com.ipledge.service.losssharing;

/**
 * What stands behind a layer: a government risk-compensation pool (provincial, city...), an insurer, a guarantee
 * fund, or the lending bank, which bears what the others do not. Pools and guarantee funds spend public money, so
 * the bureau reviews and pays their claims; an insurer's decision is recorded by the bank's approver or the bureau.
 */
public enum LayerKind {
    POOL, INSURER, GUARANTEE_FUND, BANK;

    boolean reviewedByBureau() {
        return this == POOL || this == GUARANTEE_FUND;
    }
}
