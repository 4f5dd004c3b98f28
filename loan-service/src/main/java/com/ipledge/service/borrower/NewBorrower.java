package com.ipledge.service.borrower;

import com.ipledge.rules.EcoIndustry;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What a bank (or the SME form) sends to register a borrower. Checked by {@link BorrowerService}. */
@Introspected
public record NewBorrower(String name, String creditCode, String industryCode, @Nullable EcoIndustry ecoIndustry,
                          String regionCode, Integer employees, BigDecimal operatingRevenue, BigDecimal totalAssets,
                          LocalDate foundedOn) {
}
