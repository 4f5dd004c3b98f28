package com.ipledge.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Await;
import com.ipledge.service.support.Sql;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Keys held in memory (issue 22) are forgotten the moment any instance changes {@code api_key}: the revocation is
 * made here by SQL, as another instance's transaction would, so only the database's notice can tell this one.
 */
@MicronautTest(transactional = false)
class ActiveKeysTest extends ApiTestBase {
    private static final Duration NOTICE = Duration.ofSeconds(10);

    @Inject
    ActiveKeys activeKeys;

    @Test
    void aKeyRevokedByAnotherInstanceIsRefusedHereOnceTheRevocationCommits() {
        UUID bank = createBank("HELD1");
        String officer = apiKey("BANK_OFFICER", bank);
        Await.until("the listener is connected", NOTICE, activeKeys::listening);
        // the key's own creation notifies too, and a use before that notice arrives is read again on the next one
        Await.until("the key is held after a use", NOTICE, () -> get("/api/v1/applications", officer).status() == 200
                && activeKeys.held(ApiKeys.hash(officer)).isPresent());

        sql().execute("UPDATE api_key SET revoked_at = now() WHERE key_hash = '" + ApiKeys.hash(officer) + "'");

        Await.until("the notice makes this instance forget the key", NOTICE,
                () -> activeKeys.held(ApiKeys.hash(officer)).isEmpty());
        assertEquals(401, get("/api/v1/applications", officer).status());
    }

    @Test
    void aRevocationWhileTheListenerIsDownIsNotMissed() {
        UUID bank = createBank("HELD2");
        String officer = apiKey("BANK_OFFICER", bank);
        Await.until("the listener is connected", NOTICE, activeKeys::listening);
        assertEquals(200, get("/api/v1/applications", officer).status());
        // idle between its pings: a moment while it sends one shows no idle listener
        int before = Await.until(NOTICE, this::listenerPid, pid -> pid != 0);

        // the listener's connection dies; the key is revoked before or after it is back, and is refused either way
        sql().text("SELECT pg_terminate_backend(" + before + ")");
        sql().execute("UPDATE api_key SET revoked_at = now() WHERE key_hash = '" + ApiKeys.hash(officer) + "'");
        // the old connection's loop forgets every key as it ends; the new one holds keys only once its ping is back
        Await.until("a new listener connection", NOTICE, () -> {
            int now = listenerPid();
            return now != 0 && now != before && activeKeys.listening();
        });

        assertEquals(401, get("/api/v1/applications", officer).status());
        assertTrue(activeKeys.held(ApiKeys.hash(officer)).isEmpty());
    }

    @Test
    void aKeyReadWhileANoticeArrivesIsNotHeld() {
        Await.until("the listener is connected", NOTICE, activeKeys::listening);
        ApiKey key = new ApiKey(UUID.randomUUID(), Role.BANK_OFFICER, UUID.randomUUID(), "read during a notice",
                "ipk_race");
        // the read saw the key active, but a notice came in before it returned: it may be the key's revocation
        Optional<ApiKey> read = activeKeys.find("race-hash", hash -> {
            activeKeys.forget();
            return Optional.of(key);
        });
        assertEquals(Optional.of(key), read, "the caller still gets what it read");
        assertTrue(activeKeys.held("race-hash").isEmpty(), "but it is not held for the next request");

        // a notice from an earlier test's change may still land here: a calm read is one with none, so try again
        Await.until("a read with no notice meanwhile is held", NOTICE,
                () -> activeKeys.find("calm-hash", hash -> Optional.of(key)).equals(Optional.of(key))
                        && activeKeys.held("calm-hash").equals(Optional.of(key)));
    }

    private int listenerPid() {
        // the listener's last statement is its LISTEN or its own notice, and it waits idle between them
        return (int) sql().count("SELECT coalesce(max(pid), 0) FROM pg_stat_activity WHERE state = 'idle'"
                + " AND datname = current_database() AND (query = 'LISTEN " + ActiveKeys.CHANNEL + "' OR query LIKE 'SELECT pg_notify(''"
                + ActiveKeys.CHANNEL + "''%')");
    }

    private Sql sql() {
        return new Sql(databaseUrl());
    }
}
