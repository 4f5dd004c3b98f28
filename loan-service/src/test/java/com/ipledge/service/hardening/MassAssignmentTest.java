package com.ipledge.service.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import com.ipledge.service.support.Sql;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Mass assignment, enumerated from the router: every JSON write of the API (a route added later is covered without
 * touching this test) is sent each server-owned field its body type does not declare, and an unknown one. Each is
 * answered 400 naming that field, and not one row of the database changes.
 */
@MicronautTest(transactional = false)
class MassAssignmentTest extends ApiTestBase {
    /** Fields the server sets and a client might try to: ids, ownership, state, timestamps, decisions, sums. */
    private static final List<String> SERVER_OWNED = List.of("id", "bankId", "status", "createdAt", "updatedAt",
            "createdBy", "decision", "version", "loanId", "outstandingPrincipal", "approvedBy", "hash", "used",
            "reserved", "firedRules", "role", "keyHash", "isAdmin");

    /** Counts of every table in the schema, in one string. */
    private static final String ROW_COUNTS = """
            SELECT string_agg(table_name || '=' || (xpath('/row/c/text()',
                   query_to_xml('SELECT count(*) AS c FROM ' || quote_ident(table_name), false, true, '')))[1]::text,
                   ',' ORDER BY table_name)
            FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
            """;

    @Inject
    Router router;

    private List<String> keys;
    private Sql sql;

    @Override
    protected Map<String, String> extraProperties() {
        // no background writes while the test counts rows: no jobs, and no audit sealer (it runs regardless of jobs)
        return Map.of("ipledge.jobs.enabled", "false", "ipledge.audit.sealer-enabled", "false");
    }

    @BeforeAll
    void keysOfEveryRole() {
        keys = keysOfEveryRole("MASS");
        sql = new Sql(databaseUrl());
    }

    @Test
    void everyJsonWriteRejectsEachFieldItDoesNotDeclare() {
        String before = sql.text(ROW_COUNTS);
        List<String> accepted = new ArrayList<>();
        int routes = 0;
        int probes = 0;
        for (UriRouteInfo<?, ?> route : router.uriRoutes().toList()) {
            String template = route.getUriMatchTemplate().toString();
            HttpMethod method = route.getHttpMethod();
            if (!template.startsWith("/api/") || !Set.of(HttpMethod.POST, HttpMethod.PUT, HttpMethod.PATCH)
                    .contains(method)) {
                continue;
            }
            Class<?> bodyType = route.getBodyArgument().map(Argument::getType).orElse(null);
            // uploads taken as raw text or bytes (CSV) have no fields to smuggle; every other write declares a record
            assertTrue(bodyType != null, () -> method + " " + template + " takes no body type, so it cannot reject"
                    + " fields sent to it");
            if (bodyType == String.class || bodyType == byte[].class) {
                continue;
            }
            assertTrue(bodyType.isRecord(), () -> method + " " + template + " binds " + bodyType
                    + ": only records with declared fields can reject undeclared ones");
            routes++;
            Set<String> declared = Arrays.stream(bodyType.getRecordComponents()).map(RecordComponent::getName)
                    .collect(Collectors.toSet());
            String path = template.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
            for (String field : SERVER_OWNED) {
                if (declared.contains(field)) {
                    continue;
                }
                probes++;
                Answer a = asFirstAllowedRole(method, path, Map.of(field, "00000000-0000-0000-0000-000000000001"));
                boolean named = a.status() == 400 && a.errorFields().contains(field);
                if (!named) {
                    accepted.add(method + " " + template + " with " + field + " -> " + a.status() + " " + a.raw());
                }
            }
        }
        assertTrue(routes >= 20, "the router listed the JSON writes: " + routes);
        assertTrue(probes > 200, "probes sent: " + probes);
        assertTrue(accepted.isEmpty(), () -> "writes that did not reject a field:\n" + String.join("\n", accepted));
        assertEquals(before, sql.text(ROW_COUNTS), "no row was written by a rejected request");
    }

    @Test
    void aValidBodyWithOneSmuggledFieldWritesNothing() {
        UUID bank = createBank("MASS2");
        String officer = apiKey("BANK_OFFICER", bank);
        Map<String, Object> borrower = Fixtures.borrower();
        borrower.put("bankId", UUID.randomUUID().toString());
        String before = sql.text(ROW_COUNTS);

        Answer a = post("/api/v1/borrowers", borrower, officer);

        assertEquals(400, a.status(), a::toString);
        assertEquals(List.of("bankId"), a.errorFields());
        assertEquals(before, sql.text(ROW_COUNTS));
        borrower.remove("bankId");
        assertEquals(201, post("/api/v1/borrowers", borrower, officer).status(), "the same body without it is fine");
    }

    private Answer asFirstAllowedRole(HttpMethod method, String path, Map<String, Object> body) {
        Answer last = null;
        for (String key : keys) {
            MutableHttpRequest<Object> request = HttpRequest.create(method, path);
            last = send(request.body(body).contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(key));
            if (last.status() != 403) {
                return last;
            }
        }
        return last;
    }
}
