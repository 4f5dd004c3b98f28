package com.ipledge.valuation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class LegalTermsTest {
    private static final LocalDate FILED = LocalDate.of(2015, 3, 10);

    @Test
    void patentTermsRunFromFiling() {
        assertEquals(LocalDate.of(2035, 3, 10), LegalTerms.patentExpiry(AssetType.INVENTION_PATENT, FILED));
        assertEquals(LocalDate.of(2025, 3, 10), LegalTerms.patentExpiry(AssetType.UTILITY_MODEL, FILED));
        assertEquals(LocalDate.of(2025, 3, 10), LegalTerms.patentExpiry(AssetType.DESIGN_PATENT, FILED));
    }

    @Test
    void designsFiledFromJune2021GetFifteenYears() {
        assertEquals(LocalDate.of(2031, 5, 31),
                LegalTerms.patentExpiry(AssetType.DESIGN_PATENT, LocalDate.of(2021, 5, 31)));
        assertEquals(LocalDate.of(2036, 6, 1),
                LegalTerms.patentExpiry(AssetType.DESIGN_PATENT, LocalDate.of(2021, 6, 1)));
    }

    @Test
    void aMarksCurrentTermAssumesEveryEarlierRenewalWasMade() {
        LocalDate registered = LocalDate.of(2008, 4, 14);
        assertEquals(LocalDate.of(2028, 4, 14), LegalTerms.currentMarkTermEnd(registered, LocalDate.of(2025, 1, 1)));
        // on the day a term ends the next one is running
        assertEquals(LocalDate.of(2038, 4, 14), LegalTerms.currentMarkTermEnd(registered, LocalDate.of(2028, 4, 14)));
    }

    @Test
    void yearsCountWholeAnniversariesPlusTheElapsedShareOfTheLastYear() {
        assertEquals(5 + 182.0 / 365, LegalTerms.yearsBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2030, 7, 2)), 1e-15);
        assertEquals(10.0, LegalTerms.yearsBetween(LocalDate.of(2025, 1, 1), LocalDate.of(2035, 1, 1)), 0.0);
        // the last, leap-containing anniversary year has 366 days
        assertEquals(1 + 31.0 / 366, LegalTerms.yearsBetween(LocalDate.of(2026, 3, 1), LocalDate.of(2027, 4, 1)), 1e-15);
    }

    @Test
    void anExplicitExpiryOverridesTheStatutoryTerm() {
        AssetFacts extended = new AssetFacts(AssetType.INVENTION_PATENT, null, null, FILED, null, null,
                LocalDate.of(2037, 3, 10), null, null, null, null, null, null, null);
        LegalLife life = LegalTerms.legalLife("", extended, LocalDate.of(2025, 3, 10), 0.95, new Problems());
        assertEquals(LocalDate.of(2037, 3, 10), life.expiresOn());
        assertEquals(12.0, life.remainingLegalLifeYears(), 0.0);
        assertEquals(1.0, life.renewalSurvivalProbability());
    }

    @Test
    void copyrightsAndDataIpTakeTheirEndFromTheCallerAndCapLifeWithIt() {
        AssetFacts software = new AssetFacts(AssetType.SOFTWARE_COPYRIGHT, "2019SR0322683", null, null, null,
                LocalDate.of(2019, 4, 2), LocalDate.of(2069, 12, 31), null, null, null, null, null, null, null);
        LegalLife life = LegalTerms.legalLife("", software, LocalDate.of(2025, 1, 1), 0.95, new Problems());
        assertEquals(LocalDate.of(2069, 12, 31), life.expiresOn());
        assertEquals(1.0, life.renewalSurvivalProbability());

        AssetFacts dataIp = new AssetFacts(AssetType.DATA_IP, "x", null, null, null, null, null, null, null, null,
                null, null, null, null);
        Problems problems = new Problems();
        assertEquals(null, LegalTerms.legalLife("", dataIp, LocalDate.of(2025, 1, 1), 0.95, problems));
        assertEquals(1, problems.size());
    }
}
