package com.ipledge.service.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.OpenApiDocument;
import com.ipledge.service.support.TestBank;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Controllers take {@code Caller caller}: it is bound from the authenticated key (scoping each answer to its bank),
 * and, being a Principal like {@code Authentication}, it is no parameter of any documented operation.
 */
@MicronautTest
class CallerBindingTest extends ApiTestBase {
    @Test
    void theCallerIsTheKeysBankAndNeverADocumentedParameter() {
        TestBank mine = TestBank.open(this, "CALLERA");
        TestBank theirs = TestBank.open(this, "CALLERB");
        Answer plans = get("/api/v1/quota-plans", mine.officer());
        assertEquals(200, plans.status(), plans::toString);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> items = (List<Map<String, Object>>) plans.json();
        assertFalse(items.isEmpty(), plans::toString);
        assertTrue(items.stream().allMatch(p -> mine.id().toString().equals(p.get("bankId"))), plans::toString);
        assertTrue(items.stream().noneMatch(p -> theirs.id().toString().equals(p.get("bankId"))), plans::toString);

        OpenApiDocument document = openApiDocument();
        for (OpenApiDocument.Operation operation : document.apiOperations()) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> parameters = (List<Map<String, Object>>) operation.spec()
                    .getOrDefault("parameters", List.of());
            assertTrue(parameters.stream().noneMatch(p -> "caller".equals(p.get("name"))), operation::toString);
        }
    }
}
