package com.ipledge.service.valuation;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.security.Caller;
import com.ipledge.service.valuation.ValuationInput.AssetInput;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The collateral value an evaluation uses for one asset: the asset's latest kept valuation younger than
 * {@value #FRESH_DAYS} days, or else a desk valuation with {@link DeskAssumptions}, kept like an API valuation (so
 * that the decision can name its id and engine version).
 */
@Singleton
public class CollateralValuations {
    static final int FRESH_DAYS = 180;

    private final ValuationService valuations;
    private final ValuationRepository repository;
    private final ObjectMapper json;

    public CollateralValuations(ValuationService valuations, ValuationRepository repository, ObjectMapper json) {
        this.valuations = valuations;
        this.repository = repository;
        this.json = json;
    }

    /**
     * The valuation to lend against, or empty when the asset is LAPSED, INVALIDATED or EXPIRED (or a patent whose term
     * is over): such a right is no collateral. Joins the caller's transaction. {@code caller} is the audited actor;
     * the asset is taken as already scoped to it.
     */
    @Transactional
    public Optional<StoredValuation> currentOrDesk(Caller caller, IpAsset asset, Borrower borrower, LocalDate today) {
        Optional<AssetInput> facts = StoredAssetFacts.of(asset);
        if (facts.isEmpty()) {
            return Optional.empty();
        }
        Optional<ValuationRepository.Row> current = repository.latest(asset.id(), today.minusDays(FRESH_DAYS), today);
        if (current.isPresent()) {
            ValuationRepository.Row r = current.get();
            return Optional.of(new StoredValuation(r.id(), r.assetId(), r.collateralValue(), r.reconciledValue(),
                    r.valueScore(), r.engineVersion(), r.seed(), r.valuationDate(), isDesk(r)));
        }
        Optional<ValuationInput> desk = DeskAssumptions.request(asset, facts.get(), borrower, today);
        if (desk.isEmpty()) {
            return Optional.empty();
        }
        ValuationView v = valuations.store(caller, asset, desk.get(), facts.get(), true, today);
        return Optional.of(new StoredValuation(v.id(), asset.id(), v.collateralValue(), v.reconciledValue(),
                ValuationService.scoreTotal(v.valueScore()),
                v.engineVersion(), v.seed(), v.valuationDate(), true));
    }

    private boolean isDesk(ValuationRepository.Row row) {
        try {
            return json.readTree(row.result()).path("desk").asBoolean(false);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored valuation " + row.id() + " has an unreadable result", e);
        }
    }
}
