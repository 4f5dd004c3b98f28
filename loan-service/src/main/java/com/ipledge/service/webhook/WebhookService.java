package com.ipledge.service.webhook;

import com.ipledge.service.audit.AuditLog;
import com.ipledge.service.events.EventType;
import com.ipledge.service.problem.Conflict;
import com.ipledge.service.problem.FieldErrors;
import com.ipledge.service.problem.NotFound;
import com.ipledge.service.problem.RuleViolation;
import com.ipledge.service.security.Caller;
import com.ipledge.service.web.Page;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A bank's webhook endpoints: registration, listing, disabling, the delivery log and re-sending. */
@Singleton
public class WebhookService {
    /** Endpoints a bank may have at once (disabled ones do not count). */
    static final int MAX_ENDPOINTS_PER_BANK = 20;

    private final WebhookRepository repository;
    private final WebhookSettings settings;
    private final AuditLog audit;
    private final Clock clock;

    WebhookService(WebhookRepository repository, WebhookSettings settings, AuditLog audit, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public WebhookCreated register(Caller caller, String url, List<String> events) {
        FieldErrors errors = new FieldErrors();
        EndpointAddress.problem(url, settings.allowInsecureLocalhost).ifPresent(m -> errors.add("url", m));
        List<String> types = new ArrayList<>();
        if (events == null || events.isEmpty()) {
            errors.add("events", "is required: name at least one event type");
        } else {
            for (int i = 0; i < events.size(); i++) {
                String name = events.get(i);
                if (name == null || EventType.byWireName(name).isEmpty()) {
                    errors.add("events[" + i + "]", "is not an event type; known: " + knownTypes());
                } else if (!types.contains(name)) {
                    types.add(name);
                }
            }
        }
        errors.throwIfAny();
        UUID bankId = caller.bankId();
        long active = repository.receiving(bankId).size();
        if (active >= MAX_ENDPOINTS_PER_BANK) {
            throw RuleViolation.of("too-many-webhooks", "A bank may have " + MAX_ENDPOINTS_PER_BANK
                    + " webhook endpoints; delete one first.");
        }
        OffsetDateTime now = now();
        WebhookEndpoint endpoint = new WebhookEndpoint(UUID.randomUUID(), bankId, url, List.copyOf(types),
                WebhookSignature.newSecret(), EndpointStatus.ACTIVE, null, null, now, null);
        repository.insertEndpoint(endpoint, caller.principalId());
        audit.append(caller, "webhook.registered", "webhook_endpoint", endpoint.id(), bankId,
                Map.of("url", url, "events", endpoint.events()));
        return new WebhookCreated(endpoint.id(), endpoint.secret(), url, endpoint.events(), endpoint.status(),
                endpoint.createdAt());
    }

    public List<WebhookView> list(Caller caller) {
        return repository.endpoints(caller.bankScope()).stream().map(WebhookView::of).toList();
    }

    public WebhookView get(Caller caller, UUID id) {
        return WebhookView.of(visible(caller, id));
    }

    /** Disables the endpoint: nothing more is sent to it, pending deliveries included. */
    @Transactional
    public WebhookView disable(Caller caller, UUID id) {
        WebhookEndpoint e = repository.lockEndpoint(id, caller.bankScope())
                .orElseThrow(() -> NotFound.of("webhook " + id));
        if (e.status() == EndpointStatus.DISABLED) {
            return WebhookView.of(e);
        }
        OffsetDateTime now = now();
        repository.setStatus(id, EndpointStatus.DISABLED, e.pausedReason(), e.pausedAt(), now);
        audit.append(caller, "webhook.disabled", "webhook_endpoint", id, e.bankId(), Map.of("url", e.url()));
        return WebhookView.of(repository.findEndpoint(id, Optional.empty()).orElseThrow());
    }

    public Page<DeliveryView> deliveries(Caller caller, UUID id, int page, int size) {
        Page.check(page, size);
        WebhookEndpoint e = visible(caller, id);
        return new Page<>(repository.deliveries(e.id(), Optional.empty(), page, size), page, size,
                repository.countDeliveries(e.id()));
    }

    /**
     * Sends the delivery again (the same event id and body, freshly signed) as soon as a dispatcher gets to it.
     * On a paused endpoint it also resumes delivery: every pending event is due again, failures forgotten.
     */
    @Transactional
    public DeliveryView redeliver(Caller caller, UUID id, UUID deliveryId) {
        WebhookEndpoint e = repository.lockEndpoint(id, caller.bankScope())
                .orElseThrow(() -> NotFound.of("webhook " + id));
        if (repository.deliveryStatus(e.id(), deliveryId).isEmpty()) {
            throw NotFound.of("delivery " + deliveryId);
        }
        if (e.status() == EndpointStatus.DISABLED) {
            throw Conflict.of("webhook-disabled", "Webhook " + id + " is deleted; register a new one.");
        }
        OffsetDateTime now = now();
        boolean resumed = e.status() == EndpointStatus.PAUSED;
        if (resumed) {
            repository.setStatus(id, EndpointStatus.ACTIVE, null, null, null);
            repository.makeDue(id, Optional.empty(), now);
        }
        repository.makeDue(id, Optional.of(deliveryId), now);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("deliveryId", deliveryId);
        payload.put("resumed", resumed);
        audit.append(caller, "webhook.redelivery-requested", "webhook_endpoint", id, e.bankId(), payload);
        return repository.deliveries(id, Optional.of(deliveryId), 0, 1).get(0);
    }

    private WebhookEndpoint visible(Caller caller, UUID id) {
        return repository.findEndpoint(id, caller.bankScope())
                .orElseThrow(() -> NotFound.of("webhook " + id));
    }

    static String knownTypes() {
        return String.join(", ", java.util.Arrays.stream(EventType.values()).map(EventType::wireName).toList());
    }

    private OffsetDateTime now() {
        return OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
    }
}
