package com.ipledge.service.monitoring;

import com.ipledge.rules.Severity;
import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.events.DomainEvent;
import com.ipledge.service.events.DomainEvents;
import com.ipledge.service.events.EventType;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.Transitions;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.Page;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Lists alerts in the caller's scope and moves them along OPEN -> ACKNOWLEDGED -> RESOLVED (audited). */
@Singleton
public class AlertService {
    /** {@code status=ALL} lists every status; without {@code status}, the unresolved ones. */
    public static final String ALL = "ALL";
    static final int MAX_NOTE = 1000;

    private final MonitoringRepository repository;
    private final AuditLog audit;
    private final Clock clock;

    private final DomainEvents events;

    public AlertService(MonitoringRepository repository, AuditLog audit, Clock clock, DomainEvents events) {
        this.events = events;
        this.repository = repository;
        this.audit = audit;
        this.clock = clock;
    }

    public Page<LoanAlert> list(Caller caller, String status, String severity, String loanId, int page, int size) {
        FieldErrors errors = new FieldErrors();
        Set<AlertStatus> statuses = EnumSet.of(AlertStatus.OPEN, AlertStatus.ACKNOWLEDGED);
        if (status != null && !status.isBlank()) {
            if (ALL.equalsIgnoreCase(status.strip())) {
                statuses = EnumSet.noneOf(AlertStatus.class);
            } else {
                try {
                    statuses = EnumSet.of(AlertStatus.valueOf(status.strip().toUpperCase(Locale.ROOT)));
                } catch (IllegalArgumentException e) {
                    errors.add("status", "must be one of " + Arrays.toString(AlertStatus.values()) + " or ALL");
                }
            }
        }
        Optional<Severity> sev = Optional.empty();
        if (severity != null && !severity.isBlank()) {
            try {
                sev = Optional.of(Severity.valueOf(severity.strip().toUpperCase(Locale.ROOT)));
            } catch (IllegalArgumentException e) {
                errors.add("severity", "must be one of " + Arrays.toString(Severity.values()));
            }
        }
        Optional<UUID> loan = Optional.empty();
        if (loanId != null && !loanId.isBlank()) {
            try {
                loan = Optional.of(UUID.fromString(loanId.strip()));
            } catch (IllegalArgumentException e) {
                errors.add("loanId", "must be a UUID");
            }
        }
        errors.throwIfAny();
        Page.check(page, size);
        MonitoringRepository.AlertFilter filter = new MonitoringRepository.AlertFilter(caller.bankScope(),
                statuses, sev, loan);
        return new Page<>(repository.alerts(filter, page, size), page, size, repository.countAlerts(filter));
    }

    public LoanAlert get(Caller caller, UUID id) {
        return repository.findAlert(id, caller.bankScope()).orElseThrow(() -> NotFound.of("alert " + id));
    }

    @Transactional
    public LoanAlert acknowledge(Caller caller, UUID id, String note) {
        LoanAlert a = lockFor(caller, id, AlertStatus.ACKNOWLEDGED, "acknowledge");
        String n = checkNote(note, false);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        LoanAlert next = new LoanAlert(a.id(), a.bankId(), a.loanId(), a.assetId(), a.eventId(), a.ruleId(),
                a.severity(), a.action(), a.messageZh(), a.messageEn(), AlertStatus.ACKNOWLEDGED, a.ltv(),
                a.collateralValue(), a.ruleBaseVersion(), a.parametersVersion(), a.createdAt(),
                caller.principalId(), now, n, null, null, null);
        repository.updateAlert(next);
        audit.append(caller, "alert.acknowledged", "alert", id, a.bankId(), payload(a, n));
        return next;
    }

    @Transactional
    public LoanAlert resolve(Caller caller, UUID id, String note) {
        LoanAlert a = lockFor(caller, id, AlertStatus.RESOLVED, "resolve");
        String n = checkNote(note, true);
        OffsetDateTime now = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        LoanAlert next = new LoanAlert(a.id(), a.bankId(), a.loanId(), a.assetId(), a.eventId(), a.ruleId(),
                a.severity(), a.action(), a.messageZh(), a.messageEn(), AlertStatus.RESOLVED, a.ltv(),
                a.collateralValue(), a.ruleBaseVersion(), a.parametersVersion(), a.createdAt(),
                a.acknowledgedBy(), a.acknowledgedAt(), a.acknowledgementNote(), caller.principalId(), now, n);
        repository.updateAlert(next);
        audit.append(caller, "alert.resolved", "alert", id, a.bankId(), payload(a, n));
        events.publish(EventType.ALERT_RESOLVED, a.bankId(), a.loanId(), DomainEvent.data("alertId", id,
                "loanId", a.loanId(), "ruleId", a.ruleId(), "note", n));
        return next;
    }

    private LoanAlert lockFor(Caller caller, UUID id, AlertStatus target, String action) {
        LoanAlert a = repository.lockAlert(id, caller.bankScope())
                .orElseThrow(() -> NotFound.of("alert " + id));
        if (!a.status().next().contains(target)) {
            throw Transitions.notAllowed("alert", a.status(), action, AlertStatus.from(target));
        }
        return a;
    }

    private static String checkNote(String note, boolean required) {
        if (note == null || note.isBlank()) {
            if (required) {
                throw InvalidInput.of("note", "is required: say how the alert was resolved");
            }
            return null;
        }
        if (note.strip().length() > MAX_NOTE) {
            throw InvalidInput.of("note", "must be at most " + MAX_NOTE + " characters");
        }
        return note.strip();
    }

    private static Map<String, Object> payload(LoanAlert a, String note) {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("loanId", a.loanId());
        p.put("ruleId", a.ruleId());
        p.put("from", a.status().name());
        p.put("note", note == null ? "" : note);
        return p;
    }
}
