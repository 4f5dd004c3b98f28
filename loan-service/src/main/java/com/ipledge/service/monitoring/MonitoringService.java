package com.ipledge.service.monitoring;

import com.ipledge.rules.MonitoringEventType;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.ipasset.IpAsset;
import com.ipledge.service.ipasset.IpAssetService;
import com.ipledge.service.ipasset.LegalStatus;
import com.ipledge.service.problem.FieldError;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.security.Caller;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Legal-status events on IP rights, from a bank (its own assets only) or the bureau's registry feed (every bank
 * holding the number). Each new event is stored once per source, moves the asset's legal status where the event
 * changes it, and makes every live loan the asset secures react through the rule base ({@link LoanReactions}).
 */
@Singleton
public class MonitoringService {
    static final String BUREAU_SOURCE = "BUREAU";
    private static final Set<LegalStatus> GONE = EnumSet.of(LegalStatus.LAPSED, LegalStatus.INVALIDATED,
            LegalStatus.EXPIRED);

    private final MonitoringRepository repository;
    private final IpAssetService assets;
    private final LoanReactions reactions;
    private final AuditLog audit;
    private final Clock clock;

    public MonitoringService(MonitoringRepository repository, IpAssetService assets, LoanReactions reactions,
                             AuditLog audit, Clock clock) {
        this.repository = repository;
        this.assets = assets;
        this.reactions = reactions;
        this.audit = audit;
        this.clock = clock;
    }

    /** One event: 400 naming each bad field, else its result. */
    @Transactional
    public EventResult report(Caller caller, EventReport.Event event) {
        EventParser.Parsed parsed = EventParser.check(0, null, "", event, LocalDate.now(clock));
        if (!parsed.ok()) {
            throw InvalidInput.of(parsed.errors());
        }
        return ingest(caller, List.of(parsed)).results().get(0);
    }

    /** A JSON batch: every event is checked first; any bad one rejects the batch (400), and nothing is written. */
    @Transactional
    public EventResult.Batch reportAll(Caller caller, List<EventReport.Event> events) {
        if (events.isEmpty()) {
            throw InvalidInput.of("events", "is empty");
        }
        if (events.size() > EventParser.MAX_BATCH) {
            throw InvalidInput.of("events", "holds more than " + EventParser.MAX_BATCH + " events; split it");
        }
        LocalDate today = LocalDate.now(clock);
        List<EventParser.Parsed> parsed = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            EventReport.Event e = events.get(i);
            if (e == null) {
                errors.add(new FieldError("events[" + i + "]", "is required"));
                continue;
            }
            EventParser.Parsed p = EventParser.check(i, null, "events[" + i + "].", e, today);
            errors.addAll(p.errors());
            parsed.add(p);
        }
        if (!errors.isEmpty()) {
            throw InvalidInput.of(errors);
        }
        return ingest(caller, parsed);
    }

    /** A registry feed as CSV: each row stands alone; a bad row is reported by its line and the rest go in. */
    @Transactional
    public EventResult.Batch reportCsv(Caller caller, String body) {
        return ingest(caller, EventParser.csv(body, LocalDate.now(clock)));
    }

    private EventResult.Batch ingest(Caller caller, List<EventParser.Parsed> parsed) {
        LocalDate today = LocalDate.now(clock);
        OffsetDateTime now = OffsetDateTime.now(clock);
        List<EventResult> results = new ArrayList<>();
        List<Runnable> audits = new ArrayList<>();
        int recorded = 0;
        int duplicates = 0;
        int rejected = 0;
        int alerts = 0;
        for (EventParser.Parsed p : parsed) {
            if (!p.ok()) {
                rejected++;
                EventReport.Event raw = p.raw();
                results.add(new EventResult(p.index(), p.line(), EventResult.REJECTED, false, null,
                        raw.assetNumber(), raw.type() == null ? null : raw.type().name(), raw.occurredOn(),
                        List.of(), List.of(), p.errors()));
                continue;
            }
            EventResult r = apply(caller, p, today, now, audits);
            if (r.duplicate()) {
                duplicates++;
            } else {
                recorded++;
                alerts += r.alerts().size();
            }
            results.add(r);
        }
        audits.forEach(Runnable::run);
        return new EventResult.Batch(parsed.size(), recorded, duplicates, rejected, alerts, List.copyOf(results));
    }

    private EventResult apply(Caller caller, EventParser.Parsed p, LocalDate today, OffsetDateTime now,
                              List<Runnable> audits) {
        EventParser.Checked c = p.checked();
        String source = caller.bankScope().map(UUID::toString).orElse(BUREAU_SOURCE);
        UUID eventId = UUID.randomUUID();
        MonitoringRepository.StoredEvent stored = new MonitoringRepository.StoredEvent(eventId, source,
                caller.bankId(), c.assetNumber(), c.assetType() == null ? null : c.assetType().name(),
                c.type().name(), c.occurredOn(), 0, now);
        Optional<UUID> inserted = repository.insertEvent(stored, caller.principalId());
        if (inserted.isEmpty()) {
            UUID first = repository.findEvent(source, c.assetNumber(), c.type().name(), c.occurredOn())
                    .orElseThrow();
            return new EventResult(p.index(), p.line(), EventResult.DUPLICATE, true, first, c.assetNumber(),
                    c.type().name(), c.occurredOn(), List.of(), List.of(), null);
        }
        List<EventResult.AssetChange> changes = new ArrayList<>();
        List<LoanAlert> raised = new ArrayList<>();
        for (UUID assetId : repository.lockAssets(c.assetNumber(), c.assetTypes(), caller.bankScope())) {
            IpAsset before = assets.find(assetId, Optional.empty()).orElseThrow();
            IpAsset after = transition(before, c.type(), c.occurredOn());
            if (after.legalStatus() != before.legalStatus()) {
                assets.updateStatus(List.of(assetId), after.legalStatus());
            }
            if (!after.expiresOn().equals(before.expiresOn())) {
                repository.updateExpiry(assetId, after.expiresOn());
            }
            List<UUID> loans = repository.liveLoansSecuredBy(assetId);
            for (UUID loanId : loans) {
                reactions.react(caller, loanId, List.of(new LoanReactions.AssetEvent(after, c.type(),
                        c.occurredOn())), eventId, today, now).ifPresent(r -> raised.addAll(r.raised()));
            }
            changes.add(new EventResult.AssetChange(assetId, before.bankId(), before.type().name(),
                    before.legalStatus(), after.legalStatus(), after.expiresOn(), loans));
            if (after.legalStatus() != before.legalStatus() || !after.expiresOn().equals(before.expiresOn())) {
                Map<String, Object> payload = new LinkedHashMap<>();
                payload.put("eventId", eventId);
                payload.put("event", c.type().name());
                payload.put("from", before.legalStatus().name());
                payload.put("to", after.legalStatus().name());
                payload.put("expiresOn", after.expiresOn());
                audits.add(() -> audit.append(caller, "ip-asset.legal-status-changed", "ip_asset", assetId,
                        before.bankId(), payload));
            }
        }
        repository.updateMatched(eventId, changes.size());
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("assetNumber", c.assetNumber());
        payload.put("type", c.type().name());
        payload.put("occurredOn", c.occurredOn());
        payload.put("source", source);
        payload.put("matchedAssets", changes.size());
        payload.put("alerts", raised.stream().map(a -> a.id().toString()).toList());
        audits.add(() -> audit.append(caller, "monitoring.event-recorded", "monitoring_event", eventId,
                caller.bankId(), payload));
        return new EventResult(p.index(), p.line(), EventResult.RECORDED, false, eventId, c.assetNumber(),
                c.type().name(), c.occurredOn(), List.copyOf(changes), List.copyOf(raised), null);
    }

    /**
     * The asset after the event: LAPSED and INVALIDATED end the right; INVALIDATION_FILED and FEE_OVERDUE mark a
     * right still in force (not a right already gone); RESTORED (of a lapsed, overdue or invalidated right),
     * FEE_PAID (of an overdue one) and INVALIDATION_REJECTED (of a contested one) put it back in force: PLEDGED
     * while a loan with a registered pledge holds it, VALID otherwise; RENEWED adds 10 years to a mark's term when
     * it falls in the renewal window (12 months before expiry to the 6 months' grace after it), so that a late
     * second report of the same renewal does not add another 10. LITIGATION and TRANSFERRED leave the register
     * entry as it is; they alert.
     */
    IpAsset transition(IpAsset a, MonitoringEventType type, LocalDate occurredOn) {
        LegalStatus status = a.legalStatus();
        LocalDate expiresOn = a.expiresOn();
        switch (type) {
            case LAPSED -> status = LegalStatus.LAPSED;
            case INVALIDATED -> status = LegalStatus.INVALIDATED;
            case INVALIDATION_FILED -> status = GONE.contains(status) ? status : LegalStatus.INVALIDATION_FILED;
            case FEE_OVERDUE -> status = GONE.contains(status) ? status : LegalStatus.FEE_OVERDUE;
            case RESTORED -> status = EnumSet.of(LegalStatus.LAPSED, LegalStatus.FEE_OVERDUE,
                    LegalStatus.INVALIDATED).contains(status) ? inForce(a) : status;
            case FEE_PAID -> status = status == LegalStatus.FEE_OVERDUE ? inForce(a) : status;
            case INVALIDATION_REJECTED -> status = status == LegalStatus.INVALIDATION_FILED ? inForce(a) : status;
            case RENEWED -> {
                if (a.type().isMark() && !occurredOn.isBefore(a.expiresOn().minusYears(1))
                        && !occurredOn.isAfter(a.expiresOn().plusMonths(6))) {
                    expiresOn = a.expiresOn().plusYears(10);
                    if (status == LegalStatus.EXPIRED) {
                        status = inForce(a);
                    }
                }
            }
            case LITIGATION, TRANSFERRED -> {
                // no register status for these; the rule base raises the alert
            }
        }
        return new IpAsset(a.id(), a.bankId(), a.type(), a.number(), a.title(), a.ownerCreditCode(),
                a.filingDate(), a.grantDate(), a.registrationDate(), status, a.claims(), a.forwardCitations(),
                a.familySize(), a.niceClasses(), expiresOn, a.createdAt(), a.updatedAt());
    }

    private LegalStatus inForce(IpAsset a) {
        return repository.pledgeHeld(a.id()) ? LegalStatus.PLEDGED : LegalStatus.VALID;
    }
}
