package com.ipledge.service.valuation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.LegalTerm;
import com.ipledge.service.security.Caller;
import com.ipledge.service.valuation.ValuationInput.AssetInput;
import com.ipledge.service.valuation.ValuationInput.AssumptionsInput;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The collateral value an evaluation uses for one asset: the asset's newest kept DESK or BANK valuation dated within
 * the policy's freshness ({@code valuation.freshDays} of the policy parameters, 180 days by default) or APPRAISER
 * valuation whose report is accepted and within its validity (never a BUREAU
 * one: the bureau's views do not set a bank's collateral), or else a desk valuation with {@link DeskAssumptions},
 * kept like an API valuation (so that the decision can name its id, engine version and why it took it). Beside it,
 * what it assumed and what the desk values the asset at, for the plausibility rules.
 */
@Singleton
public class CollateralValuations {
    private final ValuationService valuations;
    private final ValuationRepository repository;
    private final AppraisalReportRepository appraisals;
    private final ObjectMapper json;
    private final List<ComparableSales> comparables;

    public CollateralValuations(ValuationService valuations, ValuationRepository repository,
                                AppraisalReportRepository appraisals, ObjectMapper json,
                                List<ComparableSales> comparables) {
        this.valuations = valuations;
        this.repository = repository;
        this.appraisals = appraisals;
        this.json = json;
        this.comparables = comparables;
    }

    /** The same words whether the desk valuation is made now or reused, so that re-evaluating answers the same. */
    static String deskBasis(int freshDays) {
        return "a desk valuation with the policy's assumptions for the borrower's industry: the bank has no "
                + "valuation of its own of the asset dated within " + freshDays + " days";
    }

    /**
     * The valuation to lend against, or empty when the asset is LAPSED, INVALIDATED or EXPIRED (or a patent whose term
     * is over): such a right is no collateral. Joins the caller's transaction. {@code caller} is the audited actor;
     * the asset is taken as already scoped to it. {@code policy} is the very version the caller decides with: its
     * freshness, desk assumptions and wider-collateral defaults.
     */
    @Transactional
    public Optional<StoredValuation> currentOrDesk(Caller caller, IpAsset asset, Borrower borrower, LocalDate today,
                                                   PolicyParameters policy) {
        int freshDays = policy.valuationOrDefaults().freshDays();
        Optional<AssetInput> facts = StoredAssetFacts.of(asset);
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        List<AppraisalReport> reports = appraisals.ofAsset(asset.id());
        List<UUID> usable = reports.stream().filter(r -> r.usableOn(today)).map(AppraisalReport::valuationId)
                .toList();
        Optional<ValuationRepository.Row> current = repository.latest(asset.id(), ValuationSource.LENDABLE,
                today.minusDays(freshDays), today, usable);
        Optional<DeskAssumptions.Desk> desk = DeskAssumptions.request(asset, facts.get(), borrower, today,
                policy.valuationOrDefaults(), policy.widerCollateralOrDefaults(), policy.version());
        if (current.isPresent()) {
            ValuationRepository.Row r = current.get();
            AppraisalReport report = r.source() == ValuationSource.APPRAISER
                    ? reports.stream().filter(a -> a.valuationId().equals(r.id())).findFirst().orElseThrow() : null;
            String basis = switch (r.source()) {
                case DESK -> deskBasis(freshDays);
                case APPRAISER -> "the bank's newest valuation of the asset: appraisal report " + report.reportNumber()
                        + " by " + report.firm() + " (" + report.method() + ", dated " + report.reportDate()
                        + ", valid until " + report.validUntil() + ")";
                default -> "the bank's own newest valuation of the asset dated within " + freshDays + " days ("
                        + r.valuationDate() + "); bureau valuations are never lent against";
            };
            Assumptions assumed = report != null ? ofReport(report, asset)
                    : r.source() == ValuationSource.DESK ? deskAssumptions(ofRequest(r.request(), asset))
                    : ofRequest(r.request(), asset);
            BigDecimal deskValue = r.source() == ValuationSource.DESK || desk.isEmpty() ? null
                    : valuations.compute(desk.get().input(), facts.get(), today, policy).reconciledValue();
            return Optional.of(new StoredValuation(r.id(), r.assetId(), r.collateralValue(), r.reconciledValue(),
                    r.valueScore(), r.engineVersion(), r.seed(), r.valuationDate(), r.source(),
                    basis + unused(reports, r.valuationDate(), today), assumed.stored(), deskValue,
                    report == null ? null : report.id()));
        }
        if (desk.isEmpty()) {
            return Optional.empty();
        }
        OwnComparables.Found found = OwnComparables.find(comparables, asset, borrower, today);
        ValuationInput in = desk.get().input();
        ValuationInput withComparables = new ValuationInput(in.assetId(), in.asset(), in.assumptions(), in.paths(),
                in.seed(), found.inputs(), in.cost(), in.weights());
        ValuationView v = valuations.store(caller, asset, withComparables, facts.get(), today,
                new ValuationService.DeskContext(desk.get().basis(), found.evidence()));
        return Optional.of(new StoredValuation(v.id(), asset.id(), v.collateralValue(), v.reconciledValue(),
                ValuationService.scoreTotal(v.valueScore()), v.engineVersion(), v.seed(), v.valuationDate(),
                ValuationSource.DESK, deskBasis(freshDays) + unused(reports, null, today),
                deskAssumptions(ofInput(desk.get().input().assumptions(), asset)).stored(), null, null));
    }

    /**
     * The desk caps its life at the legal life by construction (in the engine's measure of years, which differs from
     * the register's 365.25-day years in the last hundredth), so its legal life is not compared.
     */
    private static Assumptions deskAssumptions(Assumptions a) {
        return new Assumptions(a.baseRevenue(), a.royaltyRate(), a.economicLifeYears(), null);
    }

    /**
     * Why the appraisal reports dated after the valuation taken (any, when the desk's is taken) were not used; empty
     * when there are none, so that a decision without appraisals reads as before.
     */
    private static String unused(List<AppraisalReport> reports, LocalDate taken, LocalDate today) {
        StringBuilder why = new StringBuilder();
        for (AppraisalReport r : reports) {
            String because = r.unusableBecause(today);
            if (because != null && (taken == null || r.reportDate().isAfter(taken))) {
                why.append("; appraisal report ").append(r.reportNumber()).append(" (dated ").append(r.reportDate())
                        .append(") is not used: ").append(because);
            }
        }
        return why.toString();
    }

    /** An intermediate form, so that the three kinds of valuation give the rules the same facts. */
    private record Assumptions(BigDecimal baseRevenue, BigDecimal royaltyRate, BigDecimal economicLifeYears,
                               BigDecimal remainingLegalLifeYears) {
        StoredValuation.Assumptions stored() {
            return new StoredValuation.Assumptions(baseRevenue, royaltyRate, economicLifeYears,
                    remainingLegalLifeYears);
        }
    }

    private Assumptions ofRequest(String request, IpAsset asset) {
        try {
            return ofInput(json.readValue(request, ValuationInput.class).assumptions(), asset);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored valuation request unreadable", e);
        }
    }

    private static Assumptions ofInput(AssumptionsInput a, IpAsset asset) {
        if (a == null) {
            return new Assumptions(null, null, null, null);
        }
        return new Assumptions(a.baseRevenue(),
                a.royaltyRate() == null || a.royaltyRate().mean() == null ? null
                        : BigDecimal.valueOf(a.royaltyRate().mean()),
                a.economicLifeYears() == null || a.economicLifeYears().max() == null ? null
                        : BigDecimal.valueOf(a.economicLifeYears().max()),
                legalLifeLeft(asset, a.valuationDate()));
    }

    private static Assumptions ofReport(AppraisalReport report, IpAsset asset) {
        AppraisalReportInput.Assumptions a = report.assumptions();
        BigDecimal legal = legalLifeLeft(asset, report.reportDate());
        return a == null ? new Assumptions(null, null, null, legal)
                : new Assumptions(a.baseRevenue(), a.royaltyRate(), a.economicLifeYears(), legal);
    }

    /**
     * Rights with a fixed end only (patents, copyrights, a data-IP certificate's validity): marks renew, so their
     * economic life is not bounded by one registration's term.
     */
    private static BigDecimal legalLifeLeft(IpAsset asset, LocalDate on) {
        return !asset.type().isMark() && on != null && asset.expiresOn() != null
                ? LegalTerm.remainingYears(asset.expiresOn(), on) : null;
    }
}
