package com.ipledge.service.classification;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;

/** Where the business date is not adjustable (the default), moving it is refused and the date is Beijing's. */
@MicronautTest(transactional = false)
class BusinessDateFixedTest extends ApiTestBase {

    @Test
    void movingTheBusinessDateIsForbiddenUnlessEnabled() {
        String tomorrow = today().plusDays(1).toString();
        Answer a = send(HttpRequest.PUT("/api/v1/admin/business-date", "{\"date\":\"" + tomorrow + "\"}")
                .contentType(MediaType.APPLICATION_JSON_TYPE).bearerAuth(ADMIN_KEY));
        assertEquals(403, a.status(), a::toString);
        assertEquals("application/problem+json", a.contentType());
        assertEquals(today().toString(), get("/api/v1/business-date", null).text("businessDate"));
    }
}
