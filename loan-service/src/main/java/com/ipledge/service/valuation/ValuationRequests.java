package com.ipledge.service.valuation;

import com.ipledge.service.money.Money;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.valuation.ValuationInput.AssetInput;
import com.ipledge.service.valuation.ValuationInput.AssumptionsInput;
import com.ipledge.service.valuation.ValuationInput.ComparableInput;
import com.ipledge.service.valuation.ValuationInput.CostInput;
import com.ipledge.service.valuation.ValuationInput.LifeInput;
import com.ipledge.service.valuation.ValuationInput.RateInput;
import com.ipledge.service.valuation.ValuationInput.WeightsInput;
import com.ipledge.valuation.AssetFacts;
import com.ipledge.valuation.CostInputs;
import com.ipledge.valuation.Distribution;
import com.ipledge.valuation.IncomeAssumptions;
import com.ipledge.valuation.LegalStatus;
import com.ipledge.valuation.MarketComparable;
import com.ipledge.valuation.ReconciliationWeights;
import com.ipledge.valuation.TriangularLife;
import com.ipledge.valuation.ValuationEngine;
import com.ipledge.valuation.ValuationRequest;
import java.math.BigInteger;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an API body into the engine's request. The engine validates the valuation itself; this class adds what only
 * the API knows: amounts are yuan with at most 2 decimals, a missing number is "required" (the engine's records hold
 * primitives, so a missing number travels as NaN and the engine's own "must be a finite number" for it is dropped in
 * favour of this one), list sizes and spreads are bounded, and a valuation date may not lie in the future.
 */
final class ValuationRequests {
    static final int MAX_COMPARABLES = 100;
    static final int MAX_ADJUSTMENT_FACTORS = 20;
    static final int MAX_TEXT = 300;
    static final int MAX_NICE_CLASSES = 45;
    /** An sd above 100 percentage points says nothing a bank could mean and lets (1 + g)^life overflow. */
    static final double MAX_RATE_SD = 1.0;
    /** Dates outside these years are typos; far ones would also overflow the engine's date arithmetic. */
    static final LocalDate EARLIEST_DATE = LocalDate.of(1900, 1, 1);
    static final LocalDate LATEST_DATE = LocalDate.of(2200, 12, 31);

    private ValuationRequests() {
    }

    /** The engine request for {@code in} valuing {@code facts}; every problem found here goes to {@code errors}. */
    static ValuationRequest toEngine(ValuationInput in, AssetInput facts, LocalDate today, FieldErrors errors) {
        return new ValuationRequest(asset(facts, errors), assumptions(in.assumptions(), today, errors),
                comparables(in.marketComparables(), errors), cost(in.cost(), errors), weights(in.weights(), errors),
                paths(in.paths(), errors), seed(in.seed(), errors));
    }

    /** The engine's status for a register or engine status name; null for rights that are gone. */
    static LegalStatus engineStatus(ValuationInput.AssetStatus status) {
        return switch (status) {
            case PENDING -> LegalStatus.PENDING;
            case IN_FORCE, VALID, PLEDGED -> LegalStatus.IN_FORCE;
            case FEE_OVERDUE -> LegalStatus.FEE_OVERDUE;
            case INVALIDATION_FILED -> LegalStatus.INVALIDATION_FILED;
            case INVALIDATED -> LegalStatus.INVALIDATED;
            case LAPSED -> LegalStatus.LAPSED;
            case EXPIRED -> null;
        };
    }

    private static AssetFacts asset(AssetInput a, FieldErrors errors) {
        if (a == null) {
            return null;
        }
        LegalStatus status = null;
        if (a.legalStatus() != null) {
            status = engineStatus(a.legalStatus());
            if (status == null) {
                errors.add("asset.legalStatus", "an EXPIRED right is lost collateral and has no value to assess");
            }
        }
        LocalDate filingDate = date("asset.filingDate", a.filingDate(), errors);
        LocalDate grantDate = date("asset.grantDate", a.grantDate(), errors);
        LocalDate registrationDate = date("asset.registrationDate", a.registrationDate(), errors);
        LocalDate legalExpiryDate = date("asset.legalExpiryDate", a.legalExpiryDate(), errors);
        if (a.number() != null && a.number().length() > MAX_TEXT) {
            errors.add("asset.number", "must be at most " + MAX_TEXT + " characters");
        }
        if (a.title() != null && a.title().length() > 300) {
            errors.add("asset.title", "must be at most 300 characters");
        }
        if (a.ownerCreditCode() != null) {
            com.ipledge.service.identifier.UnifiedSocialCreditCode.problem(a.ownerCreditCode())
                    .ifPresent(p -> errors.add("asset.ownerCreditCode", p));
        }
        if (a.niceClasses() != null && a.niceClasses().size() > MAX_NICE_CLASSES) {
            errors.add("asset.niceClasses", "must list at most " + MAX_NICE_CLASSES + " classes");
        }
        return new AssetFacts(a.type(), a.number(), status, filingDate, grantDate, registrationDate,
                legalExpiryDate, a.claims(), a.forwardCitations(), a.familySize(), a.litigation(), a.licences(),
                a.revenueAttribution(), a.niceClasses());
    }

    private static IncomeAssumptions assumptions(AssumptionsInput a, LocalDate today, FieldErrors errors) {
        if (a == null) {
            return null;
        }
        LocalDate valuationDate = date("assumptions.valuationDate", a.valuationDate(), errors);
        if (valuationDate != null && valuationDate.isAfter(today)) {
            errors.add("assumptions.valuationDate", "must not be after today (" + today + ")");
        }
        if (a.baseRevenue() != null) {
            Money.check(errors, "assumptions.baseRevenue", a.baseRevenue(), false);
        }
        return new IncomeAssumptions(valuationDate, a.baseRevenue(),
                rate("assumptions.revenueGrowth", a.revenueGrowth(), errors),
                rate("assumptions.royaltyRate", a.royaltyRate(), errors),
                rate("assumptions.discountRate", a.discountRate(), errors), a.taxRate(),
                life(a.economicLifeYears(), errors), a.discounting(), a.collateralQuantile(),
                a.renewalSurvivalProbability(), a.applyValueScore());
    }

    private static Distribution rate(String field, RateInput r, FieldErrors errors) {
        if (r == null) {
            return null;
        }
        double sd = required(field + ".sd", r.sd(), errors);
        if (sd > MAX_RATE_SD) {
            errors.add(field + ".sd", "must be at most " + MAX_RATE_SD);
        }
        return new Distribution(required(field + ".mean", r.mean(), errors), sd);
    }

    private static TriangularLife life(LifeInput l, FieldErrors errors) {
        if (l == null) {
            return null;
        }
        String field = "assumptions.economicLifeYears";
        return new TriangularLife(required(field + ".min", l.min(), errors),
                required(field + ".mode", l.mode(), errors), required(field + ".max", l.max(), errors));
    }

    private static List<MarketComparable> comparables(List<ComparableInput> list, FieldErrors errors) {
        if (list == null) {
            return List.of();
        }
        if (list.size() > MAX_COMPARABLES) {
            errors.add("marketComparables", "must list at most " + MAX_COMPARABLES + " comparables");
            return List.of();
        }
        List<MarketComparable> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            ComparableInput c = list.get(i);
            String field = "marketComparables[" + i + "]";
            if (c == null) {
                out.add(null);
                continue;
            }
            if (c.description() != null && c.description().length() > MAX_TEXT) {
                errors.add(field + ".description", "must be at most " + MAX_TEXT + " characters");
            }
            if (c.price() != null) {
                Money.check(errors, field + ".price", c.price(), true);
            }
            List<Double> factors = c.adjustmentFactors() == null ? List.of() : c.adjustmentFactors();
            if (factors.size() > MAX_ADJUSTMENT_FACTORS) {
                errors.add(field + ".adjustmentFactors", "must list at most " + MAX_ADJUSTMENT_FACTORS + " factors");
                factors = List.of();
            }
            out.add(new MarketComparable(c.description(), c.price(), factors, c.weight()));
        }
        return out;
    }

    private static CostInputs cost(CostInput c, FieldErrors errors) {
        if (c == null) {
            return null;
        }
        if (c.reproductionCost() != null) {
            Money.check(errors, "cost.reproductionCost", c.reproductionCost(), false);
        }
        return new CostInputs(c.reproductionCost(),
                required("cost.physicalObsolescence", c.physicalObsolescence(), errors),
                required("cost.functionalObsolescence", c.functionalObsolescence(), errors),
                required("cost.economicObsolescence", c.economicObsolescence(), errors));
    }

    private static ReconciliationWeights weights(WeightsInput w, FieldErrors errors) {
        if (w == null) {
            return null;
        }
        return new ReconciliationWeights(required("weights.income", w.income(), errors),
                required("weights.market", w.market(), errors), required("weights.cost", w.cost(), errors));
    }

    private static Integer paths(BigInteger paths, FieldErrors errors) {
        if (paths == null) {
            return null;
        }
        if (paths.signum() <= 0 || paths.compareTo(BigInteger.valueOf(ValuationEngine.MAX_PATHS)) > 0) {
            errors.add("paths", "must be between 1 and " + ValuationEngine.MAX_PATHS);
            return null;
        }
        return paths.intValueExact();
    }

    private static Long seed(BigInteger seed, FieldErrors errors) {
        if (seed == null) {
            return null;
        }
        if (seed.bitLength() > 63) {
            errors.add("seed", "must be a 64-bit signed integer");
            return null;
        }
        return seed.longValueExact();
    }

    /** The date, or null (after naming it) when it is out of range, so that the engine never computes with it. */
    private static LocalDate date(String field, LocalDate date, FieldErrors errors) {
        if (date != null && (date.isBefore(EARLIEST_DATE) || date.isAfter(LATEST_DATE))) {
            errors.add(field, "must be between " + EARLIEST_DATE + " and " + LATEST_DATE);
            return null;
        }
        return date;
    }

    /** NaN stands in for a missing number, so the engine still checks everything else. */
    private static double required(String field, Double value, FieldErrors errors) {
        if (value == null) {
            errors.add(field, "is required");
            return Double.NaN;
        }
        return value;
    }
}
