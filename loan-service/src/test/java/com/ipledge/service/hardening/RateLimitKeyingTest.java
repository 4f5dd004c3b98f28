package com.ipledge.service.hardening;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The rate limit is the key's, whatever Authorization text carries it; its buckets stay bounded without resetting
 * a throttled key; and a client presenting failing credentials is throttled before they are looked up.
 */
@MicronautTest(transactional = false)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RateLimitKeyingTest extends ApiTestBase {
    private static final int PER_SECOND = 5;
    private static final int TRACKED = 3;

    private String key;
    private final List<String> others = new ArrayList<>();

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.rate-limit-per-key", Integer.toString(PER_SECOND),
                "ipledge.rate-limit-tracked", Integer.toString(TRACKED),
                "ipledge.auth-failures-per-minute", "5", "ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void keys() throws InterruptedException {
        UUID bank = createBank("RATEKEYS");
        key = apiKey("BANK_OFFICER", bank);
        for (int i = 0; i < 2 * TRACKED; i++) {
            Thread.sleep(1000 / PER_SECOND + 50); // the admin key is limited too
            others.add(apiKey("BANK_OFFICER", bank));
        }
    }

    @Test
    @Order(1)
    void everySpellingOfTheSchemeDrawsOnTheKeysOneBucket() {
        List<String> spellings = List.of("Bearer ", "bearer ", "BEARER ", "BeArEr ");
        int granted = 0;
        int limited = 0;
        List<String> other = new ArrayList<>();
        long started = System.nanoTime();
        for (int i = 0; i < 8 * spellings.size(); i++) {
            Answer a = send(HttpRequest.GET("/api/v1/applications")
                    .header(HttpHeaders.AUTHORIZATION, spellings.get(i % spellings.size()) + key));
            switch (a.status()) {
                case 200 -> granted++;
                case 429 -> limited++;
                default -> other.add(spellings.get(i % spellings.size()) + " -> " + a);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertTrue(other.isEmpty(), () -> "every spelling authenticates: " + other);
        // one bucket: its burst and what refilled meanwhile; a bucket per spelling would grant four bursts
        assertTrue(granted <= PER_SECOND * (1 + seconds) + 1, "one bucket of " + PER_SECOND + "/s for all spellings: "
                + granted + " granted, " + limited + " limited in " + seconds + " s");
    }

    @Test
    @Order(2)
    void manyOtherKeysDoNotResetAThrottledOne() {
        for (int i = 0; i < 3 * PER_SECOND; i++) {
            get("/api/v1/applications", key);
        }
        for (String other : others) {
            get("/api/v1/applications", other);
        }
        long started = System.nanoTime();
        int granted = 0;
        for (int i = 0; i < PER_SECOND; i++) {
            granted += get("/api/v1/applications", key).status() == 200 ? 1 : 0;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        // a reset bucket would grant all of them at once
        assertTrue(granted <= 1 + PER_SECOND * seconds + 1, "still throttled after " + others.size()
                + " other keys came by: " + granted + " of " + PER_SECOND + " granted in " + seconds + " s");
    }

    @Test
    @Order(3)
    void failedAuthenticationsAreThrottledPerClient() {
        int unauthorised = 0;
        int limited = 0;
        Answer last = null;
        for (int i = 0; i < 20; i++) {
            Answer a = get("/api/v1/applications", "ipk_" + UUID.randomUUID().toString().replace("-", ""));
            if (a.status() == 401) {
                unauthorised++;
            } else if (a.status() == 429) {
                limited++;
                last = a;
            }
        }
        assertTrue(unauthorised <= 6 && limited >= 14, unauthorised + " answered 401, " + limited + " 429");
        assertNotNull(last.headers().get(HttpHeaders.RETRY_AFTER));
    }
}
