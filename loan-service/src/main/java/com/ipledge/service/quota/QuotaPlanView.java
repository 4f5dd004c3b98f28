package com.ipledge.service.quota;

import io.micronaut.core.annotation.Introspected;
import java.math.BigDecimal;
import java.util.UUID;

/** A plan as banks and the bureau see it. */
@Introspected
public record QuotaPlanView(UUID id, UUID bankId, int year, String segment, BigDecimal amount, BigDecimal reserved,
                            BigDecimal drawn, BigDecimal available) {
    static QuotaPlanView of(QuotaPlan p) {
        return new QuotaPlanView(p.id(), p.bankId(), p.year(), p.segment(), p.amount(), p.reserved(), p.drawn(),
                p.available());
    }
}
