package com.ipledge.service.ipasset;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.identifier.UnifiedSocialCreditCode;
import com.ipledge.service.money.Money;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.RuleViolation;
import com.ipledge.service.security.Caller;
import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * A GI's (or collective mark's) member-loan capacity (issue 18): the association that holds the mark pledges it as a
 * third party for its member firms' loans, up to a capacity it sets. The evaluation caps a member's limit at what is
 * left (LIMIT-GI-CAPACITY-001); approval takes its share under a lock on the mark's row, so that approvals on any
 * number of instances never together exceed the capacity.
 */
@Singleton
public class MemberCapacityService {
    static final int MAX_MEMBERS = 500;

    /** Body of {@code PUT /ip-assets/{id}/member-capacity}. */
    @Introspected
    public record CapacityRequest(@Nullable BigDecimal capacity, @Nullable List<NewMember> members,
                                  @Nullable LocalDate setOn, @Nullable String document) {
    }

    /** One member firm. */
    @Introspected
    public record NewMember(@Nullable String creditCode, @Nullable String name) {
    }

    private final MemberCapacityRepository capacities;
    private final IpAssetRepository assets;
    private final AuditLog audit;
    private final Clock clock;

    public MemberCapacityService(MemberCapacityRepository capacities, IpAssetRepository assets, AuditLog audit,
                                 Clock clock) {
        this.capacities = capacities;
        this.assets = assets;
        this.audit = audit;
        this.clock = clock;
    }

    public MemberCapacity get(Caller caller, UUID assetId) {
        IpAsset asset = assets.find(assetId, caller.bankScope()).orElseThrow(() -> NotFound.of("IP asset " + assetId));
        return of(asset);
    }

    /** The capacity of any bank's asset with what its loans take, for the evaluation and pledge filing. */
    public MemberCapacity of(IpAsset asset) {
        Optional<MemberCapacityRepository.Terms> terms = capacities.terms(asset.id());
        List<MemberCapacity.Member> members = terms.isPresent() ? capacities.members(asset.id()) : List.of();
        List<MemberCapacity.SecuredLoan> loans = capacities.loans(asset.id());
        BigDecimal used = loans.stream().map(MemberCapacity.SecuredLoan::principal)
                .reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
        BigDecimal capacity = terms.map(MemberCapacityRepository.Terms::capacity).orElse(null);
        return new MemberCapacity(asset.id(), asset.ownerCreditCode(), capacity, used,
                capacity == null ? null : capacity.subtract(used).max(BigDecimal.ZERO.setScale(2)),
                terms.map(MemberCapacityRepository.Terms::setOn).orElse(null),
                terms.map(MemberCapacityRepository.Terms::document).orElse(null), members, loans);
    }

    /** Records the capacity the association set and, optionally, its member firms; audited. */
    @Transactional
    public MemberCapacity set(Caller caller, UUID assetId, CapacityRequest r) {
        if (!capacities.lock(assetId, caller.bankScope())) {
            throw NotFound.of("IP asset " + assetId);
        }
        IpAsset asset = assets.find(assetId, Optional.empty()).orElseThrow();
        if (asset.type() != IpType.GEOGRAPHICAL_INDICATION) {
            throw RuleViolation.of("not-a-geographical-indication", "A member-loan capacity is set by the association "
                    + "holding a geographical indication; asset " + assetId + " is a " + asset.type() + ".");
        }
        FieldErrors errors = new FieldErrors();
        Money.check(errors, "capacity", r == null ? null : r.capacity(), false);
        if (r == null || r.setOn() == null) {
            errors.add("setOn", "is required: the day the association set the capacity");
        } else if (r.setOn().isAfter(LocalDate.now(clock))) {
            errors.add("setOn", "is in the future");
        }
        if (r != null && r.document() != null && (r.document().isBlank() || r.document().length() > 200)) {
            errors.add("document", "must be 1 to 200 characters: the reference of the association's resolution");
        }
        List<MemberCapacity.Member> members = new ArrayList<>();
        if (r != null && r.members() != null) {
            if (r.members().size() > MAX_MEMBERS) {
                errors.add("members", "holds more than " + MAX_MEMBERS + " members");
            } else {
                Set<String> seen = new HashSet<>();
                for (int i = 0; i < r.members().size(); i++) {
                    NewMember m = r.members().get(i);
                    String path = "members[" + i + "]";
                    if (m == null) {
                        errors.add(path, "is required");
                        continue;
                    }
                    if (m.creditCode() == null) {
                        errors.add(path + ".creditCode", "is required");
                    } else {
                        UnifiedSocialCreditCode.problem(m.creditCode())
                                .ifPresent(p -> errors.add(path + ".creditCode", p));
                        if (!seen.add(m.creditCode())) {
                            errors.add(path + ".creditCode", "is listed twice");
                        } else if (m.creditCode().equals(asset.ownerCreditCode())) {
                            errors.add(path + ".creditCode", "is the association itself, not a member firm");
                        }
                    }
                    if (m.name() == null || m.name().isBlank()) {
                        errors.add(path + ".name", "is required");
                    } else if (m.name().length() > 200) {
                        errors.add(path + ".name", "must be at most 200 characters");
                    }
                    members.add(new MemberCapacity.Member(m.creditCode(), m.name() == null ? null : m.name().strip()));
                }
            }
        }
        errors.throwIfAny();
        BigDecimal capacity = Money.yuan(r.capacity());
        String document = r.document() == null ? null : r.document().strip();
        capacities.replace(assetId, new MemberCapacityRepository.Terms(capacity, r.setOn(), document), members,
                caller.role() + ":" + caller.principalId(), OffsetDateTime.now(clock));
        MemberCapacity after = of(asset);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("capacity", capacity);
        payload.put("setOn", r.setOn());
        payload.put("document", document == null ? "" : document);
        payload.put("members", members.stream().map(MemberCapacity.Member::creditCode).toList());
        payload.put("used", after.used());
        audit.append(caller, "ip-asset.member-capacity-set", "ip_asset", assetId, asset.bankId(), payload);
        return after;
    }

    /**
     * Takes {@code amount} of the capacity of every GI among {@code assetIds} that has one, for a loan about to be
     * approved: under a lock on each mark's row (taken in id order, so that two approvals never deadlock), the
     * loans already over the mark plus this one must stay within the capacity. Runs in the approval's transaction;
     * the lock holds until it commits, when the new loan counts for the next approval.
     *
     * @throws Conflict {@code gi-capacity-exceeded} with {@code assetId, capacity, used, requested, remaining}
     */
    public void take(Collection<UUID> assetIds, BigDecimal amount) {
        // one statement for an application without a GI
        for (UUID id : capacities.lockGeographicalIndications(assetIds)) {
            IpAsset asset = assets.find(id, Optional.empty()).orElseThrow();
            MemberCapacity now = of(asset);
            if (!now.isSet()) {
                continue;
            }
            if (now.used().add(amount).compareTo(now.capacity()) > 0) {
                Map<String, Object> figures = new LinkedHashMap<>();
                figures.put("assetId", id);
                figures.put("capacity", now.capacity());
                figures.put("used", now.used());
                figures.put("requested", amount);
                figures.put("remaining", now.remaining());
                throw Conflict.of("gi-capacity-exceeded", "The geographical indication " + asset.number()
                        + " may back members' loans up to " + now.capacity().toPlainString() + " yuan; "
                        + now.used().toPlainString() + " is taken, so " + amount.toPlainString()
                        + " does not fit (" + now.remaining().toPlainString() + " left). Re-evaluate the application.",
                        figures);
            }
        }
    }
}
