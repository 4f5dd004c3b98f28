package com.ipledge.service.operations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import ch.qos.logback.core.encoder.Encoder;
import ch.qos.logback.core.joran.spi.JoranException;
import com.fasterxml.jackson.databind.JsonNode;
import com.ipledge.service.support.Answer;
import com.ipledge.service.support.ApiTestBase;
import com.ipledge.service.support.Fixtures;
import io.micronaut.http.HttpRequest;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The log lines themselves, written by the production encoder (logback's JsonEncoder, as in logback.xml): a bank's
 * quoted request id finds the request's line, and neither API keys nor passwords ever reach the log.
 */
@MicronautTest(transactional = false)
class LogLinesTest extends ApiTestBase {
    private final ByteArrayOutputStream captured = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> appender;

    @Override
    protected Map<String, String> extraProperties() {
        return Map.of("ipledge.jobs.enabled", "false");
    }

    @BeforeEach
    void captureTheLogWithTheProductionEncoder() throws JoranException {
        // the encoder exactly as logback.xml configures it (the tests themselves log through logback-test.xml)
        LoggerContext production = new LoggerContext();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(production);
        configurator.doConfigure(getClass().getResource("/logback.xml"));
        Encoder<ILoggingEvent> encoder = ((OutputStreamAppender<ILoggingEvent>) production
                .getLogger(Logger.ROOT_LOGGER_NAME).getAppender("JSON")).getEncoder();

        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        appender = new OutputStreamAppender<>();
        appender.setContext(context);
        appender.setEncoder(encoder);
        appender.setOutputStream(captured);
        appender.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(appender);
    }

    @AfterEach
    void stopCapturing() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(appender);
        appender.stop();
    }

    @Test
    void theRequestIdABankQuotesFindsItsLogLine() {
        UUID bank = createBank("LOGBANK");
        String officer = apiKey("BANK_OFFICER", bank);
        Map<String, Object> bad = Fixtures.borrower();
        bad.put("creditCode", "not-a-code");

        Answer problem = send(HttpRequest.POST("/api/v1/borrowers", bad).bearerAuth(officer)
                .header("X-Request-Id", "bank-ticket-20261125-01"));
        Answer fine = send(HttpRequest.GET("/api/v1/applications").bearerAuth(officer)
                .header("X-Request-Id", "bank-ticket-20261125-02"));

        assertEquals(400, problem.status());
        assertEquals(200, fine.status());
        JsonNode failed = onlyLineOf("bank-ticket-20261125-01");
        assertEquals("ipledge.access", failed.path("loggerName").asText());
        assertTrue(failed.path("formattedMessage").asText().startsWith("POST /api/v1/borrowers -> 400 in "),
                failed::toString);
        JsonNode served = onlyLineOf("bank-ticket-20261125-02");
        assertTrue(served.path("formattedMessage").asText().startsWith("GET /api/v1/applications -> 200 in "), served::toString);
    }

    @Test
    void keysAndPasswordsNeverReachTheLog() {
        UUID bank = createBank("SECRETBANK");
        String officer = apiKey("BANK_OFFICER", bank);
        String password = "Correct-Horse-Battery-9";
        Answer user = post("/api/v1/admin/users", Map.of("username", "analyst.log", "password", password,
                "role", "BUREAU"), ADMIN_KEY);
        assertEquals(201, user.status(), user::toString);
        Answer wrongKey = get("/api/v1/applications", officer + "x");
        assertEquals(401, wrongKey.status());
        get("/api/v1/applications", officer);

        String log = captured.toString(StandardCharsets.UTF_8);
        assertFalse(lines().isEmpty(), "the requests were logged");
        for (String secret : List.of(officer, officer + "x", password, ADMIN_KEY)) {
            assertFalse(log.contains(secret), "a secret reached the log: " + secret.substring(0, 6) + "...");
        }
    }

    private JsonNode onlyLineOf(String requestId) {
        List<JsonNode> matching = lines().stream()
                .filter(line -> requestId.equals(line.path("mdc").path("requestId").asText())).toList();
        assertEquals(1, matching.size(), () -> "lines carrying " + requestId + ": " + matching);
        return matching.get(0);
    }

    private List<JsonNode> lines() {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : captured.toString(StandardCharsets.UTF_8).split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            try {
                lines.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new UncheckedIOException("not a JSON log line: " + line, e);
            }
        }
        return lines;
    }
}
