package com.ipledge.service.risk;

import com.ipledge.risk.RiskInputException;
import com.ipledge.risk.capital.AssetClass;
import com.ipledge.risk.capital.CapitalInput;
import com.ipledge.risk.capital.CapitalResult;
import com.ipledge.risk.capital.IrbCapital;
import com.ipledge.service.money.Money;
import com.ipledge.service.problem.FieldErrors;
import jakarta.inject.Singleton;
import java.util.Arrays;

/**
 * {@code POST /risk/capital}: checks the request's shape (missing fields, asset class, money), lets the engine
 * check the ranges, and answers every bad field at once.
 */
@Singleton
public class CapitalCalculator {

    public CapitalAnswer compute(CapitalRequest request) {
        FieldErrors errors = new FieldErrors();
        AssetClass assetClass = assetClass(request.assetClass(), errors);
        boolean corporate = assetClass == AssetClass.CORPORATE || assetClass == AssetClass.SME_CORPORATE;
        required(errors, "pd", request.pd());
        required(errors, "lgd", request.lgd());
        if (corporate) {
            required(errors, "maturityYears", request.maturityYears());
        } else if (request.maturityYears() != null
                && !(Double.isFinite(request.maturityYears()) && request.maturityYears() > 0.0)) {
            // the engine ignores a retail maturity, but a nonsensical one is still a client error
            errors.add("maturityYears", "must be a positive number of years, was " + request.maturityYears());
        }
        Money.check(errors, "ead", request.ead(), false);

        // Missing numbers go to the engine as NaN so that it still checks every other field; its complaints
        // about the fields reported above are dropped in favour of "is required".
        CapitalInput input = new CapitalInput(orNaN(request.pd()), orNaN(request.lgd()),
                request.maturityYears() == null ? (corporate ? Double.NaN : 0.0) : request.maturityYears(),
                request.ead(), assetClass, request.turnoverEurMillions());
        CapitalResult result = null;
        try {
            result = IrbCapital.compute(input);
        } catch (RiskInputException e) {
            RiskProblems.addAll(errors, e);
        }
        errors.throwIfAny();
        return CapitalAnswer.of(result);
    }

    /** The asset class named, CORPORATE when absent; an unknown name is reported and CORPORATE checked instead. */
    private static AssetClass assetClass(String name, FieldErrors errors) {
        if (name == null) {
            return AssetClass.CORPORATE;
        }
        for (AssetClass c : AssetClass.values()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        errors.add("assetClass", "must be one of " + Arrays.toString(AssetClass.values()) + ", was " + name);
        return AssetClass.CORPORATE;
    }

    private static void required(FieldErrors errors, String field, Double value) {
        if (value == null) {
            errors.add(field, "is required");
        }
    }

    private static double orNaN(Double value) {
        return value == null ? Double.NaN : value;
    }
}
