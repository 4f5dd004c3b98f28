package com.ipledge.service.pages;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SME form as typed, kept between "添加一项" posted without script and the page it redirects to
 * ({@code /apply?draft=<id>}): Post/Redirect/Get, so that Back and reload never ask to resubmit a form. A draft is
 * the visitor's unfinished typing, not a filing: it opens only for the browser that posted it (its CSRF cookie's
 * key, hashed) and is deleted once older than {@link #KEPT_FOR} ({@link FormDraftExpiryJob}, and before each new
 * draft), or when that browser files its application.
 */
@Singleton
class FormDrafts {
    static final Duration KEPT_FOR = Duration.ofHours(2);
    private static final TypeReference<Map<String, String>> FIELDS = new TypeReference<>() {
    };

    /** What the page shows again: the fields and how many IP rows. */
    record Draft(ApplyForm form, int assetRows) {
    }

    private final FormDraftRepository drafts;
    private final ObjectMapper json;
    private final Clock clock;

    FormDrafts(FormDraftRepository drafts, ObjectMapper json, Clock clock) {
        this.drafts = drafts;
        this.json = json;
        this.clock = clock;
    }

    /** Keeps {@code form} for the browser whose key is {@code browserKey}; drafts past their time go first. */
    @Transactional
    UUID keep(String browserKey, ApplyForm form, int assetRows) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        drafts.deleteKeptBefore(now.minus(KEPT_FOR));
        UUID id = UUID.randomUUID();
        try {
            drafts.insert(id, hash(browserKey), json.writeValueAsString(form.values()), assetRows, now);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return id;
    }

    /** Deletes the drafts past their time at {@code now}; how many. */
    @Transactional
    int deleteExpired(OffsetDateTime now) {
        return drafts.deleteKeptBefore(now.minus(KEPT_FOR));
    }

    /** A browser that filed its application needs its drafts no more. */
    @Transactional
    void forget(String browserKey) {
        drafts.deleteOf(hash(browserKey));
    }

    /** The draft {@code id} names, if this browser kept it and it is still in time; anything else is no draft. */
    Optional<Draft> find(@Nullable String id, String browserKey) {
        UUID uuid;
        try {
            uuid = id == null ? null : UUID.fromString(id.strip());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (uuid == null) {
            return Optional.empty();
        }
        return drafts.find(uuid, hash(browserKey), OffsetDateTime.now(clock).minus(KEPT_FOR)).map(row -> {
            try {
                return new Draft(ApplyForm.of(json.readValue(row.fields(), FIELDS)), row.assetRows());
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private static String hash(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
