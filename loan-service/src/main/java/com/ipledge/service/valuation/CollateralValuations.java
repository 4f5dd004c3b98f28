package com.ipledge.service.valuation;

import com.ipledge.rules.params.PolicyParameters;
import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.policy.PolicyParameterStore;
import com.ipledge.service.security.Caller;
import com.ipledge.service.valuation.ValuationInput.AssetInput;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The collateral value an evaluation uses for one asset: the asset's latest kept DESK or BANK valuation dated within
 * the policy's freshness ({@code valuation.freshDays} of the policy parameters, 180 days by default; never a BUREAU
 * one: the bureau's views do not set a bank's collateral), or else a desk valuation with {@link DeskAssumptions},
 * kept like an API valuation (so that the decision can name its id, engine version and why it took it).
 */
@Singleton
public class CollateralValuations {
    private final ValuationService valuations;
    private final ValuationRepository repository;
    private final PolicyParameterStore parameters;
    private final List<ComparableSales> comparables;

    public CollateralValuations(ValuationService valuations, ValuationRepository repository,
                                PolicyParameterStore parameters, List<ComparableSales> comparables) {
        this.valuations = valuations;
        this.repository = repository;
        this.parameters = parameters;
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
     * the asset is taken as already scoped to it. {@code freshDays} is the policy's freshness, taken from the very
     * parameters the caller decides with.
     */
    @Transactional
    public Optional<StoredValuation> currentOrDesk(Caller caller, IpAsset asset, Borrower borrower, LocalDate today,
                                                   int freshDays) {
        Optional<AssetInput> facts = StoredAssetFacts.of(asset);
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        Optional<ValuationRepository.Row> current = repository.latest(asset.id(), ValuationSource.LENDABLE,
                today.minusDays(freshDays), today);
        if (current.isPresent()) {
            ValuationRepository.Row r = current.get();
            String basis = r.source() == ValuationSource.DESK ? deskBasis(freshDays)
                    : "the bank's own newest valuation of the asset dated within " + freshDays + " days ("
                    + r.valuationDate() + "); bureau valuations are never lent against";
            return Optional.of(new StoredValuation(r.id(), r.assetId(), r.collateralValue(), r.reconciledValue(),
                    r.valueScore(), r.engineVersion(), r.seed(), r.valuationDate(), r.source(), basis));
        }
        PolicyParameters policy = parameters.current();
        Optional<DeskAssumptions.Desk> desk = DeskAssumptions.request(asset, facts.get(), borrower, today,
                policy.valuationOrDefaults(), policy.widerCollateralOrDefaults(), policy.version());
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
                ValuationSource.DESK, deskBasis(freshDays)));
    }

}
