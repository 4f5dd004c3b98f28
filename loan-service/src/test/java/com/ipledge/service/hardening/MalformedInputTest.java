package com.ipledge.service.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A fuzzing run over the JSON decoders of the creating endpoints: valid bodies mutated byte by byte (flips,
 * deletions, insertions of JSON punctuation, truncation) and structurally (a field swapped for a value of another
 * type). Whatever arrives: never a 5xx, and a 4xx writes nothing. The generator is seeded, so a failure replays;
 * inputs that once failed are kept in {@link #REGRESSIONS}.
 */
@MicronautTest(transactional = false)
class MalformedInputTest extends ApiTestBase {
    private static final long SEED = 20261125L;
    private static final int MUTANTS_PER_ENDPOINT = 60;
    /** Inputs that once broke a decoder, replayed on every run. */
    private static final List<String> REGRESSIONS = List.of("[1,2]", "{\"employees\": 1e400}", "{\"name\": ",
            "\"just a string\"", "{\"collateral\": [null]}", "{\"collateral\": {}}", "{\"requestedAmount\": \"NaN\"}",
            "{\"requestedAmount\": 1e999999}", "{\"foundedOn\": [2012, 5, 18]}", "{\"a\":1,\"a\":2}", "null", "");

    private String officer;
    private Sql sql;
    private String borrowerId;
    private String assetId;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeAll
    void setUp() {
        sql = new Sql(databaseUrl());
        UUID bank = createBank("FUZZ");
        officer = apiKey("BANK_OFFICER", bank);
        Map<String, Object> borrower = Fixtures.borrower();
        borrowerId = post("/api/v1/borrowers", borrower, officer).text("id");
        assetId = post("/api/v1/ip-assets", Fixtures.invention((String) borrower.get("creditCode")), officer)
                .text("id");
    }

    @Test
    void mutatedBodiesNeverCauseA5xxOrAPartialWrite() throws Exception {
        Random random = new Random(SEED);
        Map<String, String> valid = Map.of(
                "/api/v1/borrowers", JSON.writeValueAsString(Fixtures.borrower()),
                "/api/v1/ip-assets", JSON.writeValueAsString(Fixtures.invention(Fixtures.creditCode())),
                "/api/v1/applications", JSON.writeValueAsString(Fixtures.application(borrowerId, List.of(assetId))),
                "/api/v1/valuations", "{\"assetId\":\"" + assetId + "\",\"assumptions\":{\"valuationDate\":\"2026-01-01\","
                        + "\"baseRevenue\":1000000,\"revenueGrowth\":{\"mean\":0.03,\"sd\":0.05},\"royaltyRate\":"
                        + "{\"mean\":0.04,\"sd\":0.01},\"discountRate\":{\"mean\":0.12,\"sd\":0.02},\"taxRate\":0.25,"
                        + "\"economicLifeYears\":{\"min\":3,\"mode\":5,\"max\":8}},\"paths\":2000,\"seed\":1}");
        List<String> failures = new ArrayList<>();
        for (Map.Entry<String, String> endpoint : valid.entrySet()) {
            List<String> inputs = new ArrayList<>(REGRESSIONS);
            for (int i = 0; i < MUTANTS_PER_ENDPOINT; i++) {
                inputs.add(mutate(endpoint.getValue(), random));
            }
            for (String body : inputs) {
                long before = rows();
                Answer a = send(HttpRequest.POST(endpoint.getKey(), body.getBytes(StandardCharsets.UTF_8))
                        .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(officer));
                if (a.status() >= 500) {
                    failures.add(endpoint.getKey() + " " + a.status() + " <- " + body);
                } else if (a.status() >= 400 && rows() != before) {
                    failures.add(endpoint.getKey() + " wrote on " + a.status() + " <- " + body);
                } else if (a.status() >= 400) {
                    assertTrue(a.contentType().startsWith("application/problem+json"), a::toString);
                }
            }
        }
        assertTrue(failures.isEmpty(), () -> String.join("\n", failures));
    }

    @Test
    void wrongContentTypesAndEmptyBodiesAreProblems() {
        Answer text = send(HttpRequest.POST("/api/v1/borrowers", "name=x").contentType(MediaType.TEXT_PLAIN_TYPE)
                .bearerAuth(officer));
        assertTrue(text.status() == 415 || text.status() == 400, text::toString);
        assertTrue(text.contentType().startsWith("application/problem+json"), text::toString);
        Answer empty = send(HttpRequest.POST("/api/v1/applications", "").contentType(MediaType.APPLICATION_JSON_TYPE)
                .bearerAuth(officer));
        assertEquals(400, empty.status(), empty::toString);
    }

    private long rows() {
        return sql.count("SELECT (SELECT count(*) FROM borrower) + (SELECT count(*) FROM ip_asset) + "
                + "(SELECT count(*) FROM loan_application) + (SELECT count(*) FROM application_collateral)");
    }

    private static final String[] PUNCTUATION = {"{", "}", "[", "]", ",", ":", "\"", "\\", "null", "-", "1e309",
        "0.001", "true", "\u0000", "\uFFFF", "999999999999999999999999"};

    /** One to three random edits of a valid body. */
    static String mutate(String body, Random random) {
        StringBuilder s = new StringBuilder(body);
        int edits = 1 + random.nextInt(3);
        for (int e = 0; e < edits && s.length() > 0; e++) {
            int at = random.nextInt(s.length());
            switch (random.nextInt(5)) {
                case 0 -> s.setCharAt(at, (char) (s.charAt(at) ^ (1 << random.nextInt(7))));
                case 1 -> s.deleteCharAt(at);
                case 2 -> s.insert(at, PUNCTUATION[random.nextInt(PUNCTUATION.length)]);
                case 3 -> s.setLength(at);
                default -> {
                    // a value swapped for another type: the colon's right-hand side up to the next comma
                    int colon = s.indexOf(":", at);
                    int comma = colon < 0 ? -1 : s.indexOf(",", colon);
                    if (colon > 0 && comma > colon) {
                        s.replace(colon + 1, comma, PUNCTUATION[random.nextInt(PUNCTUATION.length)]);
                    }
                }
            }
        }
        return s.toString();
    }
}
