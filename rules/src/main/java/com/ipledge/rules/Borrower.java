package com.ipledge.rules;

import com.ipledge.rules.engine.Checks;
import com.ipledge.rules.sme.IndustryCode;
import com.ipledge.rules.sme.SizeClass;

/**
 * The borrowing firm as loan-service knows it.
 *
 * @param creditCode            unified social credit code (统一社会信用代码), already validated by loan-service
 * @param sizeClass             MIIT 2011 size class, from {@link com.ipledge.rules.sme.SmeSizeStandard}
 * @param industryCode          GB/T 4754-2017 code, e.g. {@code C3911}
 * @param ecoIndustry           one of the province's ten ecological industries, or null
 * @param currentlyOverdue      the credit report shows a loan overdue now
 * @param yearsSinceLastDefault whole years since the last default on record; null when there was none
 * @param onDishonestyList      on the list of dishonest judgment debtors (失信被执行人) or under enforcement
 */
public record Borrower(String creditCode, SizeClass sizeClass, int yearsInBusiness, String industryCode,
                       EcoIndustry ecoIndustry, boolean currentlyOverdue, Integer yearsSinceLastDefault,
                       boolean onDishonestyList) {

    void check(Checks checks) {
        checks.notBlank("borrower.creditCode", creditCode);
        checks.present("borrower.sizeClass", sizeClass);
        if (yearsInBusiness < 0) {
            checks.add("borrower.yearsInBusiness", "must not be negative");
        }
        IndustryCode.problem(industryCode).ifPresent(p -> checks.add("borrower.industryCode", p));
        if (yearsSinceLastDefault != null && yearsSinceLastDefault < 0) {
            checks.add("borrower.yearsSinceLastDefault", "must not be negative");
        }
    }
}
