package com.ipledge.rules.params;

import com.ipledge.rules.IpType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Loan-to-value caps and limits.
 *
 * @param valueGrades            grade bands, highest minimum first; the last band should start at 0
 * @param ltvCaps                cap on (lending value / collateral value) per IP type name and value grade
 * @param ecoLtvBonus            added to the cap for a favoured eco-industry borrower
 * @param maxSingleAssetShare    no asset may supply more than this share of the bundle's lending value
 * @param concentrationMinAssets the concentration test applies to bundles of at least this many assets
 * @param concentrationAction    "REFER" (a person looks) or "CAP" (the asset counts only up to the share)
 * @param maxLoanAmount          the policy maximum per loan, yuan
 */
public record LimitPolicy(List<ValueGradeBand> valueGrades, Map<String, Map<String, BigDecimal>> ltvCaps,
                          BigDecimal ecoLtvBonus, BigDecimal maxSingleAssetShare, int concentrationMinAssets,
                          String concentrationAction, BigDecimal maxLoanAmount) {

    /** The grade of a value score: the first band whose minimum the score reaches. */
    public String gradeOf(BigDecimal valueScore) {
        for (ValueGradeBand band : valueGrades) {
            if (valueScore.compareTo(band.minScore()) >= 0) {
                return band.grade();
            }
        }
        return valueGrades.get(valueGrades.size() - 1).grade();
    }

    public BigDecimal ltvCap(IpType type, String grade) {
        return ltvCaps.get(type.name()).get(grade);
    }
}
