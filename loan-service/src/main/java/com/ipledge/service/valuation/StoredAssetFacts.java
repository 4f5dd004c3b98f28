package com.ipledge.service.valuation;

import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.valuation.ValuationInput.AssetInput;
import com.ipledge.service.valuation.ValuationInput.AssetStatus;
import com.ipledge.valuation.AssetType;
import java.util.Optional;

/**
 * The engine's view of an asset on file. The register knows no litigation, licences or revenue attribution, so
 * those score as absent; a patent's or mark's legal term is left to the engine (its convention: N years from the
 * filing date).
 */
final class StoredAssetFacts {
    private StoredAssetFacts() {
    }

    /** Empty for rights that are gone (LAPSED, INVALIDATED, EXPIRED): no collateral, nothing to value. */
    static Optional<AssetInput> of(IpAsset asset) {
        AssetStatus status = switch (asset.legalStatus()) {
            // a pledge is registered against a right in force
            case VALID, PLEDGED -> AssetStatus.IN_FORCE;
            case FEE_OVERDUE -> AssetStatus.FEE_OVERDUE;
            case INVALIDATION_FILED -> AssetStatus.INVALIDATION_FILED;
            case LAPSED, INVALIDATED, EXPIRED -> null;
        };
        if (status == null) {
            return Optional.empty();
        }
        return Optional.of(new AssetInput(AssetType.valueOf(asset.type().name()), asset.number(), status,
                asset.filingDate(), asset.grantDate(), asset.registrationDate(), legalExpiry(asset), asset.claims(),
                asset.forwardCitations(), asset.familySize(), null, null, null, asset.niceClasses(), null, null));
    }

    /**
     * Copyrights and data IP have no term the engine counts from filing: their end on file goes in as the engine's
     * expiry (the first day without protection, as the engine dates a patent's), so the term caps economic life.
     */
    private static java.time.LocalDate legalExpiry(IpAsset asset) {
        return asset.type().isPatent() || asset.type().isMark() ? null : asset.expiresOn().plusDays(1);
    }
}
