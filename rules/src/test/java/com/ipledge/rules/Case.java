package com.ipledge.rules;

import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.rules.sme.SizeClass;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A mutable test application that starts strong: a small firm pledging an invention patent (value 5,000,000, score
 * 85: grade A, cap 30% -> 1,500,000) and a trademark (3,000,000, score 70: grade B, cap 40% -> 1,200,000), asking for
 * 2,000,000 over 12 months, PD 2%, grade B1, plenty of quota. It approves at 2,000,000 with LTV 0.25.
 */
final class Case {
    static final String BORROWER = "91530100MA6NXXXX1A";

    String applicationId = "APP-1";
    BigDecimal requested = new BigDecimal("2000000.00");
    int termMonths = 12;
    boolean insurance;
    SizeClass size = SizeClass.SMALL;
    int yearsInBusiness = 5;
    EcoIndustry eco;
    boolean overdue;
    Integer yearsSinceDefault;
    boolean dishonest;
    BigDecimal pd = new BigDecimal("0.02");
    String grade = "B1";
    BigDecimal quota = new BigDecimal("50000000.00");
    PolicyParameters parameters = PolicyParameters.defaults();
    String industryCode = "C3911";
    final List<Asset> assets = new ArrayList<>(List.of(
            new Asset("ZL201710601862.3", IpType.INVENTION_PATENT).value("5000000.00", "6000000.00", "85"),
            new Asset("TM-12345678", IpType.TRADEMARK).life("8").value("3000000.00", "3500000.00", "70")));

    /** What the valuations assumed; empty unless a test adds one (see {@link #bankValuation()}). */
    final List<ValuationAssumptions> valuations = new ArrayList<>();

    static Case strong() {
        return new Case();
    }

    Asset patent() {
        return assets.get(0);
    }

    Asset trademark() {
        return assets.get(1);
    }

    Case industry(String code) {
        industryCode = code;
        return this;
    }

    Case params(UnaryOperator<PolicyParameters> change) {
        parameters = change.apply(parameters);
        return this;
    }

    DecisionInput input() {
        return new DecisionInput(
                new LoanApplication(applicationId, requested, termMonths, "working capital", insurance),
                new Borrower(BORROWER, size, yearsInBusiness, industryCode, eco, overdue, yearsSinceDefault, dishonest),
                assets.stream().map(Asset::build).toList(),
                new RiskScore(pd, grade, new BigDecimal("12000.00")),
                quota, parameters, List.copyOf(valuations));
    }

    /**
     * Adds the bank's own valuation of the patent with every assumption in line: revenue 10,000,000 of the
     * borrower's 40,000,000, royalty 4 %, life 10 of 15 legal years, value 6,000,000 against a desk value of
     * 3,000,000; {@code change} moves one of them.
     */
    Case bankValuation(UnaryOperator<ValuationAssumptions> change) {
        valuations.add(change.apply(new ValuationAssumptions(patent().id, "BANK", new BigDecimal("10000000.00"),
                new BigDecimal("40000000.00"), new BigDecimal("0.04"), new BigDecimal("10"), new BigDecimal("15"),
                new BigDecimal("6000000.00"), new BigDecimal("3000000.00"))));
        return this;
    }

    static final class Asset {
        String id;
        IpType type;
        LegalStatus status = LegalStatus.VALID;
        String owner = BORROWER;
        BigDecimal life = new BigDecimal("15");
        boolean feePaid = true;
        boolean coOwned;
        boolean coOwnersConsent;
        boolean member;
        boolean associationConsent;
        boolean inUse = true;
        BigDecimal value;
        BigDecimal reconciled;
        BigDecimal score;
        BigDecimal memberCapacity;
        BigDecimal memberCapacityUsed;

        Asset(String id, IpType type) {
            this.id = id;
            this.type = type;
        }

        Asset value(String collateral, String reconciledValue, String valueScore) {
            value = collateral == null ? null : new BigDecimal(collateral);
            reconciled = reconciledValue == null ? null : new BigDecimal(reconciledValue);
            score = valueScore == null ? null : new BigDecimal(valueScore);
            return this;
        }

        /** The association's member capacity for this GI and what loans already take of it. */
        Asset capacity(String capacity, String used) {
            memberCapacity = new BigDecimal(capacity);
            memberCapacityUsed = new BigDecimal(used);
            return this;
        }

        Asset life(String years) {
            life = new BigDecimal(years);
            return this;
        }

        CollateralItem build() {
            return new CollateralItem(id, type, status, owner, life, feePaid, coOwned, coOwnersConsent, member,
                    associationConsent, inUse, value, reconciled, score, memberCapacity, memberCapacityUsed);
        }
    }
}
