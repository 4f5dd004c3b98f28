package com.ipledge.service.loan;

import com.ipledge.service.problem.RuleViolation;
import com.ipledge.rules.CreditPolicy;
import com.ipledge.rules.FilingCheck;
import com.ipledge.rules.FilingInput;
import com.ipledge.rules.PledgeFiling;
import com.ipledge.rules.PledgeRegistry;
import com.ipledge.service.borrower.Borrower;
import com.ipledge.service.borrower.BorrowerService;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.ipasset.IpType;
import com.ipledge.service.ipasset.LegalStatus;
import com.ipledge.service.ipasset.MemberCapacity;
import com.ipledge.service.ipasset.MemberCapacityService;
import com.ipledge.service.ipasset.Ownership;
import com.ipledge.service.ipasset.OwnershipService;
import com.ipledge.service.policy.PolicyParameterStore;
import jakarta.inject.Singleton;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Checks a pledge before it is filed against what the registry would refuse (the rule base's
 * registry-refusal.drl): a refused filing answers 422 listing each rule and its reasons, and nothing is written.
 */
@Singleton
class PreFilingChecks {
    private final CreditPolicy policy;
    private final PolicyParameterStore parameters;
    private final IpAssetService assets;
    private final OwnershipService ownership;
    private final BorrowerService borrowers;
    private final MemberCapacityService memberCapacities;

    PreFilingChecks(CreditPolicy policy, PolicyParameterStore parameters, IpAssetService assets,
                    OwnershipService ownership, BorrowerService borrowers, MemberCapacityService memberCapacities) {
        this.memberCapacities = memberCapacities;
        this.policy = policy;
        this.parameters = parameters;
        this.assets = assets;
        this.ownership = ownership;
        this.borrowers = borrowers;
    }

    /**
     * The debt falls due {@code termMonths} after the filing at the earliest (disbursement follows registration);
     * a GI is pledged by the association holding it, any other right by {@code pledgor} or else the borrower. A GI
     * with a member capacity on file stands pledged to this bank for all its members' loans (the association's one
     * pledge up to the capacity): an earlier member's registration does not make it "already pledged".
     *
     * @throws RuleViolation (422) {@code pledge-refused} with {@code refusals: [{ruleId, assetId, messageZh, messageEn}]}
     */
    void check(Loan loan, List<UUID> collateral, String pledgor, boolean riskAcknowledged, LocalDate filedOn) {
        Borrower borrower = borrowers.find(loan.borrowerId(), Optional.empty()).orElseThrow();
        LocalDate debtEndsOn = filedOn.plusMonths(loan.termMonths());
        List<PledgeFiling> filings = new ArrayList<>();
        Map<String, String> numbers = new LinkedHashMap<>();
        for (UUID id : collateral) {
            IpAsset asset = assets.find(id, Optional.empty()).orElseThrow();
            Ownership owners = ownership.of(id);
            String by = asset.type() == IpType.GEOGRAPHICAL_INDICATION ? asset.ownerCreditCode()
                    : pledgor != null ? pledgor : borrower.creditCode();
            LegalStatus status = asset.legalStatus();
            if (asset.type() == IpType.GEOGRAPHICAL_INDICATION && status == LegalStatus.PLEDGED) {
                MemberCapacity capacity = memberCapacities.of(asset);
                if (capacity.isSet() && capacity.pledgeRegistered()) {
                    status = LegalStatus.VALID;
                }
            }
            numbers.put(id.toString(), asset.number());
            filings.add(new PledgeFiling(id.toString(), com.ipledge.rules.IpType.valueOf(asset.type().name()),
                    registryOf(asset.type()), com.ipledge.rules.LegalStatus.valueOf(status.name()), by,
                    owners.ownerCreditCodes(), owners.consentingCreditCodes(), owners.ownershipDisputed(),
                    owners.preserved(), ownership.pledgedElsewhere(asset), owners.sameDayDualFiling(),
                    riskAcknowledged, filedOn, debtEndsOn, asset.expiresOn()));
        }
        FilingCheck result = policy.checkFiling(new FilingInput(filings, parameters.current()));
        if (!result.refused()) {
            return;
        }
        List<Map<String, Object>> refusals = result.refusals().stream().map(r -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("ruleId", r.ruleId());
            m.put("assetId", r.assetId());
            m.put("assetNumber", numbers.get(r.assetId()));
            m.put("messageZh", r.messageZh());
            m.put("messageEn", r.messageEn());
            return m;
        }).toList();
        throw new RuleViolation("pledge-refused",
                "The registry would refuse this pledge: " + String.join(", ",
                        result.refusals().stream().map(r -> r.ruleId()).distinct().toList()),
                List.of(), Map.of("refusals", refusals, "ruleBaseVersion", result.ruleBaseVersion(),
                        "parametersVersion", result.parametersVersion()));
    }

    /** Patents, marks and GIs are pledged at CNIPA; works and software at the copyright centre. */
    static PledgeRegistry registryOf(IpType type) {
        return switch (type.name()) {
            case "COPYRIGHT", "SOFTWARE_COPYRIGHT" -> PledgeRegistry.COPYRIGHT_CENTRE;
            case "DATA_IP" -> PledgeRegistry.DATA_PLATFORM;
            default -> PledgeRegistry.CNIPA;
        };
    }
}
