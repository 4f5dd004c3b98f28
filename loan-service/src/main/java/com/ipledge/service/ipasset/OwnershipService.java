package com.ipledge.service.ipasset;

import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.identifier.UnifiedSocialCreditCode;
import com.ipledge.service.security.Caller;
import com.ipledge.service.problem.FieldErrors;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Co-ownership and consents as facts of an asset (issue 18), so that the rule base sees them: a co-owned right
 * needs every co-owner's written consent before it is pledged (COLL-COOWNER-001, REG-PAT-COOWNER-001).
 */
@Singleton
public class OwnershipService {
    static final int MAX_OWNERS = 20;

    /** Body of {@code PUT /ip-assets/{id}/ownership}. */
    @Introspected
    public record OwnershipRequest(@Nullable List<NewOwner> owners, @Nullable Boolean ownershipDisputed,
                                   @Nullable Boolean sameDayDualFiling) {
    }

    /** One registered owner. */
    @Introspected
    public record NewOwner(@Nullable String creditCode, @Nullable String name) {
    }

    /** Body of {@code POST /ip-assets/{id}/owner-consents}. */
    @Introspected
    public record ConsentRequest(@Nullable String ownerCreditCode, @Nullable LocalDate consentedOn,
                                 @Nullable String document) {
    }

    private final OwnershipRepository ownership;
    private final IpAssetRepository assets;
    private final AuditLog audit;
    private final Clock clock;

    public OwnershipService(OwnershipRepository ownership, IpAssetRepository assets, AuditLog audit, Clock clock) {
        this.ownership = ownership;
        this.assets = assets;
        this.audit = audit;
        this.clock = clock;
    }

    public Ownership get(Caller caller, UUID assetId) {
        return ownership.find(assetId, caller.bankScope())
                .orElseThrow(() -> NotFound.of("IP asset " + assetId));
    }

    /** The ownership of any bank's asset, for other features (evaluation, pledge filing, monitoring). */
    public Ownership of(UUID assetId) {
        return ownership.find(assetId, Optional.empty()).orElseThrow();
    }

    /** Whether another record of the same right (this bank's or another's) is pledged already. */
    public boolean pledgedElsewhere(IpAsset asset) {
        return ownership.pledgedElsewhere(asset.id(), asset.type().name(), asset.number());
    }

    /** A court freeze (gazette PP01) or its lifting (PD01); the caller audits the event. */
    public void setPreserved(UUID assetId, boolean preserved) {
        ownership.setPreserved(assetId, preserved);
    }

    /** Replaces the registered owners (they must include the owner on file) and the register flags; audited. */
    @Transactional
    public Ownership record(Caller caller, UUID assetId, OwnershipRequest r) {
        IpAsset asset = lock(caller, assetId);
        FieldErrors errors = new FieldErrors();
        List<Ownership.Owner> owners = new ArrayList<>();
        if (r == null || r.owners() == null || r.owners().isEmpty()) {
            errors.add("owners", "is required: every registered owner, the owner on file ("
                    + asset.ownerCreditCode() + ") among them");
        } else if (r.owners().size() > MAX_OWNERS) {
            errors.add("owners", "holds more than " + MAX_OWNERS + " owners");
        } else {
            Set<String> seen = new HashSet<>();
            for (int i = 0; i < r.owners().size(); i++) {
                NewOwner o = r.owners().get(i);
                String path = "owners[" + i + "]";
                if (o == null) {
                    errors.add(path, "is required");
                    continue;
                }
                if (o.creditCode() == null) {
                    errors.add(path + ".creditCode", "is required");
                } else {
                    UnifiedSocialCreditCode.problem(o.creditCode()).ifPresent(p -> errors.add(path + ".creditCode", p));
                    if (!seen.add(o.creditCode())) {
                        errors.add(path + ".creditCode", "is listed twice");
                    }
                }
                if (o.name() == null || o.name().isBlank()) {
                    errors.add(path + ".name", "is required");
                } else if (o.name().length() > 200) {
                    errors.add(path + ".name", "must be at most 200 characters");
                }
                owners.add(new Ownership.Owner(o.creditCode(), o.name() == null ? null : o.name().strip(), null,
                        null));
            }
            if (!errors.has("owners") && !seen.contains(asset.ownerCreditCode())) {
                errors.add("owners", "must include the registered owner on file, " + asset.ownerCreditCode());
            }
        }
        errors.throwIfAny();
        boolean disputed = Boolean.TRUE.equals(r.ownershipDisputed());
        boolean sameDay = Boolean.TRUE.equals(r.sameDayDualFiling());
        if (sameDay && !asset.type().isPatent()) {
            throw InvalidInput.of("sameDayDualFiling", "applies to patents only");
        }
        ownership.replaceOwners(assetId, owners, disputed, sameDay);
        Ownership after = of(assetId);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("owners", after.ownerCreditCodes());
        payload.put("ownershipDisputed", disputed);
        payload.put("sameDayDualFiling", sameDay);
        audit.append(caller, "ip-asset.ownership-recorded", "ip_asset", assetId, asset.bankId(), payload);
        return after;
    }

    /** Records one registered owner's written consent to pledging the right; audited. */
    @Transactional
    public Ownership consent(Caller caller, UUID assetId, ConsentRequest r) {
        IpAsset asset = lock(caller, assetId);
        Ownership before = of(assetId);
        FieldErrors errors = new FieldErrors();
        if (r == null || r.ownerCreditCode() == null) {
            errors.add("ownerCreditCode", "is required");
        } else if (!before.ownerCreditCodes().contains(r.ownerCreditCode())) {
            errors.add("ownerCreditCode", "is not a registered owner of this right: "
                    + before.ownerCreditCodes());
        }
        if (r == null || r.consentedOn() == null) {
            errors.add("consentedOn", "is required");
        } else if (r.consentedOn().isAfter(LocalDate.now(clock))) {
            errors.add("consentedOn", "is in the future");
        }
        if (r == null || r.document() == null || r.document().isBlank()) {
            errors.add("document", "is required: the reference of the written consent on file");
        } else if (r.document().length() > 200) {
            errors.add("document", "must be at most 200 characters");
        }
        errors.throwIfAny();
        ownership.recordConsent(assetId, before.owners().get(0), r.ownerCreditCode(), r.consentedOn(),
                r.document().strip());
        audit.append(caller, "ip-asset.owner-consented", "ip_asset", assetId, asset.bankId(),
                Map.of("ownerCreditCode", r.ownerCreditCode(), "consentedOn", r.consentedOn(),
                        "document", r.document().strip()));
        return of(assetId);
    }

    /** Another bank's asset answers 404 before its body is looked at. */
    private IpAsset lock(Caller caller, UUID assetId) {
        if (!ownership.lock(assetId, caller.bankScope())) {
            throw NotFound.of("IP asset " + assetId);
        }
        return assets.find(assetId, Optional.empty()).orElseThrow();
    }
}
