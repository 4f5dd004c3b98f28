package com.ipledge.service.events;

import java.util.Map;
import java.util.UUID;

/**
 * The port through which a feature reports what happened, so that features need not know who listens (the
 * webhook outbox does). Call it inside the transaction of the change: the event is then kept exactly when the
 * change commits.
 */
public interface DomainEvents {

    void publish(DomainEvent event);

    default void publish(EventType type, UUID bankId, UUID orderKey, Map<String, Object> data) {
        publish(new DomainEvent(type, bankId, orderKey, data));
    }
}
