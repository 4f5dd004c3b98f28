package com.ipledge.service.idempotency;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.ipledge.service.problem.InvalidInput;
import com.ipledge.service.problem.RuleViolation;
import com.ipledge.service.security.Caller;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Runs a creating request at most once per {@code Idempotency-Key}: the key is claimed, the work done and the
 * answer stored in ONE transaction, so a retry (even a concurrent one on another instance) replays the first
 * answer, and a failed first attempt leaves no trace.
 */
@Singleton
public class IdempotentRequests {
    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED = "Idempotent-Replayed";
    private static final Pattern CANONICAL_UUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private final IdempotencyRepository records;
    private final ObjectMapper json;
    private final Clock clock;

    public IdempotentRequests(IdempotencyRepository records, ObjectMapper json, Clock clock) {
        this.records = records;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public MutableHttpResponse<String> execute(Caller caller, String idempotencyKey, String operation,
                                               Object request, Supplier<? extends HttpResponse<?>> work) {
        if (idempotencyKey == null) {
            return serialise(work.get());
        }
        UUID key = parseKey(idempotencyKey);
        String scope = caller.idempotencyScope();
        String requestHash = sha256(operation + "\n" + write(request));
        if (!records.claim(scope, key, requestHash, OffsetDateTime.now(clock))) {
            IdempotencyRepository.StoredResponse first = records.find(scope, key).orElseThrow();
            if (!first.requestHash().equals(requestHash)) {
                throw RuleViolation.of("idempotency-key-reused",
                        "This Idempotency-Key was used for a different request; use a new key for new work.");
            }
            MutableHttpResponse<String> replay = HttpResponse.<String>status(HttpStatus.valueOf(first.status()))
                    .body(first.body())
                    .contentType(MediaType.APPLICATION_JSON_TYPE)
                    .header(REPLAYED, "true");
            return first.location() == null ? replay : replay.header(HttpHeaders.LOCATION, first.location());
        }
        MutableHttpResponse<String> response = serialise(work.get());
        records.complete(scope, key, response.code(), response.body(),
                response.getHeaders().get(HttpHeaders.LOCATION));
        return response;
    }

    /**
     * Only the canonical 8-4-4-4-12 hex spelling (either case, as uuidgen and random UUIDs print it):
     * {@link UUID#fromString} alone also takes short groups, signs and padding, so "1-1-1-1-1" and
     * "00000001-0001-0001-0001-000000000001" would silently share a record. The nil UUID is a client's unset
     * placeholder, which would make every request replay the first.
     */
    private static UUID parseKey(String value) {
        if (!CANONICAL_UUID.matcher(value).matches()) {
            throw InvalidInput.of(HEADER, "must be a UUID in its canonical form "
                    + "(8-4-4-4-12 hexadecimal digits, e.g. 3f2b8c1e-9d4a-4e7b-8a1c-5d6e7f809a1b)");
        }
        UUID key = UUID.fromString(value);
        if (key.getMostSignificantBits() == 0 && key.getLeastSignificantBits() == 0) {
            throw InvalidInput.of(HEADER, "must not be the nil UUID: use a new random UUID per request");
        }
        return key;
    }

    private MutableHttpResponse<String> serialise(HttpResponse<?> response) {
        Optional<?> body = response.getBody();
        MutableHttpResponse<String> out = HttpResponse.<String>status(response.getStatus())
                .contentType(MediaType.APPLICATION_JSON_TYPE);
        response.getHeaders().forEach((name, values) -> values.forEach(v -> out.header(name, v)));
        return body.isPresent() ? out.body(write(body.get())) : out;
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serialisable", e);
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
