package com.ipledge.rules.engine;

import com.ipledge.rules.EcoIndustry;

/** Inserted by ELIG-INDUSTRY-001: the borrower is in a favoured eco-industry, so LTV and price rules favour it. */
public record EcoIndustryPreference(EcoIndustry industry) {
}
