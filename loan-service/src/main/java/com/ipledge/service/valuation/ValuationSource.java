package com.ipledge.service.valuation;

import java.util.List;

/**
 * Where a stored valuation came from (issue 16): {@code DESK}, made by the service with its documented default
 * assumptions; {@code BANK}, posted by the bank's own officer or approver; {@code BUREAU}, a view the bureau made for
 * itself. A bank's decision lends only against its own or the desk's, never the bureau's.
 */
public enum ValuationSource {
    DESK, BANK, BUREAU;

    /** The sources a bank's decision may lend against. */
    static final List<ValuationSource> LENDABLE = List.of(DESK, BANK);
}
