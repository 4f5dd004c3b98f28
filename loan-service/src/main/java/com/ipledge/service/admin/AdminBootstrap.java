package com.ipledge.service.admin;

import com.ipledge.service.security.ApiKeyService;
import com.ipledge.service.security.ApiKeys;
import com.ipledge.service.security.Role;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import io.micronaut.transaction.TransactionOperations;
import java.sql.Connection;
import java.time.Clock;
import java.time.OffsetDateTime;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates the first ADMIN key from {@code IPLEDGE_BOOTSTRAP_ADMIN_KEY} when no admin exists yet. */
@Singleton
public class AdminBootstrap {
    private static final Logger LOG = LoggerFactory.getLogger(AdminBootstrap.class);
    /** Serialises the check-then-insert across several instances starting together. */
    private static final long LOCK = 7_201_001L;

    private final ApiKeyService keys;
    private final DSLContext db;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;
    private final String bootstrapKey;

    public AdminBootstrap(ApiKeyService keys, DSLContext db, TransactionOperations<Connection> transactions,
                          Clock clock, BootstrapSettings settings) {
        this.keys = keys;
        this.db = db;
        this.transactions = transactions;
        this.clock = clock;
        this.bootstrapKey = settings.bootstrapAdminKey();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        ensureBootstrapKey();
    }

    /** Idempotent; the demo seeding calls it first so that its own admin never hides the operator's key. */
    public void ensureBootstrapKey() {
        if (bootstrapKey == null || bootstrapKey.isBlank()) {
            return;
        }
        if (!bootstrapKey.startsWith(ApiKeys.PREFIX) || bootstrapKey.length() < 24) {
            throw new IllegalStateException("IPLEDGE_BOOTSTRAP_ADMIN_KEY must start with " + ApiKeys.PREFIX
                    + " and hold at least 20 more characters");
        }
        transactions.executeWrite(status -> {
            db.execute("SELECT pg_advisory_xact_lock(?)", LOCK);
            if (!keys.anyActiveWithRole(Role.ADMIN)) {
                keys.insertIfAbsent(ApiKeys.hash(bootstrapKey), ApiKeys.displayPrefix(bootstrapKey), Role.ADMIN,
                        null, "bootstrap admin", OffsetDateTime.now(clock));
                LOG.info("Created the bootstrap ADMIN key {}...", ApiKeys.displayPrefix(bootstrapKey));
            }
            return null;
        });
    }
}
