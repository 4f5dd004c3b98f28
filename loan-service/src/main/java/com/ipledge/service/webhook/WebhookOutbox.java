package com.ipledge.service.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.core.JsonGenerator;
import com.ipledge.service.admin.AdminService;
import com.ipledge.service.admin.Bank;
import com.ipledge.service.events.DomainEvent;
import com.ipledge.service.events.DomainEvents;
import com.ipledge.service.loan.Loan;
import com.ipledge.service.loan.Loans;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The transactional outbox: an event is stored, with one delivery per endpoint of its bank that subscribed to
 * its type, in the transaction that made the change. It is therefore sent if and only if the change committed.
 * The body is written once, here, so every attempt and re-send carries (and signs) the very same bytes.
 */
@Singleton
public class WebhookOutbox implements DomainEvents {
    static final ObjectMapper JSON = JsonMapper.builder()
            .addModule(new JavaTimeModule())
            .configure(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS, false)
            .configure(JsonGenerator.Feature.WRITE_BIGDECIMAL_AS_PLAIN, true)
            .build();

    private final WebhookRepository repository;
    private final AdminService banks;
    private final Loans loans;
    private final Clock clock;

    WebhookOutbox(WebhookRepository repository, AdminService banks, Loans loans, Clock clock) {
        this.repository = repository;
        this.banks = banks;
        this.loans = loans;
        this.clock = clock;
    }

    @Override
    @Transactional
    public void publish(DomainEvent event) {
        if (event.bankId() == null) {
            return;
        }
        String type = event.type().wireName();
        List<WebhookEndpoint> subscribed = repository.receiving(event.bankId()).stream()
                .filter(e -> e.events().contains(type)).toList();
        if (subscribed.isEmpty()) {
            return; // nobody listens: nothing to keep
        }
        UUID id = UUID.randomUUID();
        OffsetDateTime at = OffsetDateTime.now(clock).truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("type", type);
        body.put("occurredAt", at);
        body.put("bankCode", banks.find(event.bankId()).map(Bank::code).orElse(null));
        body.put("data", event.data());
        UUID orderKey = lifeOf(event.orderKey());
        long seq = repository.insertEvent(id, event.bankId(), type, orderKey, at, write(body));
        for (WebhookEndpoint endpoint : subscribed) {
            repository.insertDelivery(endpoint.id(), id, seq, orderKey, at);
        }
    }

    /**
     * Events are ordered per loan from its application on: a loan's events are queued behind its application's
     * (evaluated, approved), so all of them share the application's id as their order key.
     */
    private UUID lifeOf(UUID loanOrApplication) {
        if (loanOrApplication == null) {
            return null;
        }
        return loans.find(loanOrApplication, Optional.empty()).map(Loan::applicationId).orElse(loanOrApplication);
    }

    private static String write(Object body) {
        try {
            return JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("event data must be plain JSON values", e);
        }
    }
}
