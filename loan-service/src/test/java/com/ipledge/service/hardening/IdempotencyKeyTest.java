package com.ipledge.service.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An {@code Idempotency-Key} is a UUID in its canonical 8-4-4-4-12 hex spelling (either case): every other
 * spelling {@link UUID#fromString} would take (short groups, signs, braces, no hyphens) is a 400 naming the header,
 * so two spellings can never silently share, or miss, a stored answer.
 */
@MicronautTest(transactional = false)
class IdempotencyKeyTest extends ApiTestBase {
    private static final String SAMPLE = "3f2b8c1e-9d4a-4e7b-8a1c-5d6e7f809a1b";
    private static final List<String> NON_CANONICAL = List.of(
            "",
            "1-1-1-1-1",
            "+1-+1-+1-+1-+1",
            "3f2b8c1-9d4a-4e7b-8a1c-5d6e7f809a1b",
            "3f2b8c1e-9d4-4e7b-8a1c-05d6e7f809a1b",
            "03f2b8c1e-9d4a-4e7b-8a1c-5d6e7f809a1",
            "3f2b8c1e9d4a4e7b8a1c5d6e7f809a1b",
            "{" + SAMPLE + "}",
            "urn:uuid:" + SAMPLE,
            SAMPLE + "0",
            SAMPLE + "x",
            "3f2b8c1e-9d4a-4e7b-8a1c-5d6e7f809a1g",
            "3f2b8c1e_9d4a_4e7b_8a1c_5d6e7f809a1b",
            SAMPLE.replace('-', ' '),
            SAMPLE + ", " + UUID.randomUUID(),
            "00000000-0000-0000-0000-000000000000",
            "not-a-uuid",
            "x".repeat(2000));

    private String officer;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void bank() {
        officer = apiKey("BANK_OFFICER", createBank("IDEMKEY"));
    }

    @Test
    void everyNonCanonicalKeyIsRefusedNamingTheHeader() {
        List<String> failures = new ArrayList<>();
        for (String key : NON_CANONICAL) {
            Answer a = post("/api/v1/borrowers", Fixtures.borrower(), officer, key);
            if (a.status() != 400 || !a.contentType().startsWith("application/problem+json")
                    || !a.errorFields().equals(List.of("Idempotency-Key"))) {
                failures.add("[" + key + "] -> " + a);
            }
        }
        assertTrue(failures.isEmpty(), NON_CANONICAL.size() + " probes, failed: " + failures);
    }

    @Test
    void canonicalKeysInEitherCaseWorkAndAreOneKey() {
        UUID key = UUID.randomUUID();
        Map<String, Object> body = Fixtures.borrower();
        Answer lower = post("/api/v1/borrowers", body, officer, key.toString());
        assertEquals(201, lower.status(), lower::toString);
        // uuidgen prints upper case (the README's batch example uses it): the same UUID, so the same key
        Answer upper = post("/api/v1/borrowers", body, officer, key.toString().toUpperCase(Locale.ROOT));
        assertEquals(201, upper.status(), upper::toString);
        assertEquals("true", upper.headers().get("Idempotent-Replayed"));
        assertEquals(lower.text("id"), upper.text("id"));
        Answer fresh = post("/api/v1/borrowers", Fixtures.borrower(), officer,
                UUID.randomUUID().toString().toUpperCase(Locale.ROOT));
        assertEquals(201, fresh.status(), fresh::toString);
    }

    /** The operation is derived from the route as requested (@Idempotent): another route or id is other work. */
    @Test
    void aKeyIsBoundToItsRouteAndItsIds() {
        UUID key = UUID.randomUUID();
        Map<String, Object> borrower = Fixtures.borrower();
        Answer first = post("/api/v1/borrowers", borrower, officer, key.toString());
        assertEquals(201, first.status(), first::toString);
        Answer elsewhere = post("/api/v1/ip-assets", Fixtures.youngInvention((String) borrower.get("creditCode")),
                officer, key.toString());
        assertEquals(422, elsewhere.status(), elsewhere::toString);
        assertTrue(elsewhere.text("type").endsWith("/idempotency-key-reused"), elsewhere::toString);

        UUID alertKey = UUID.randomUUID();
        Answer unknown = post("/api/v1/alerts/" + UUID.randomUUID() + "/acknowledgement", Map.of(), officer,
                alertKey.toString());
        assertEquals(404, unknown.status(), unknown::toString);
        Answer otherAlert = post("/api/v1/alerts/" + UUID.randomUUID() + "/acknowledgement", Map.of(), officer,
                alertKey.toString());
        assertEquals(404, otherAlert.status(), "a failed request stores nothing: the key is free: " + otherAlert);
    }
}
