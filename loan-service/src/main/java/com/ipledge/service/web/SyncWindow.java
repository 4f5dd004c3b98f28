package com.ipledge.service.web;

import com.ipledge.service.problem.FieldErrors;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * What a core system asks of a list when it syncs: the records changed at or after {@code updatedSince}, after the
 * position {@code after} (decoded from an opaque cursor), in the stable order (updatedAt, id). Asked for when
 * either parameter is given; otherwise a list keeps its plain paging.
 */
public record SyncWindow(Optional<OffsetDateTime> updatedSince, Optional<Position> after) {
    private static final String VERSION = "c1";

    /** The last record a page gave: the next page starts strictly after it. */
    public record Position(OffsetDateTime updatedAt, UUID id) {
        /** Opaque to clients: base64url of a version, the instant in microseconds and the id. */
        public String cursor() {
            Instant i = updatedAt.toInstant();
            long micros = Math.addExact(Math.multiplyExact(i.getEpochSecond(), 1_000_000L), i.getNano() / 1_000);
            return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + ":" + micros + ":" + id)
                    .getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Empty when neither parameter is given: the plain list. 400 naming the parameter when it is not valid. */
    public static Optional<SyncWindow> of(String updatedSince, String cursor) {
        if (updatedSince == null && cursor == null) {
            return Optional.empty();
        }
        FieldErrors errors = new FieldErrors();
        OffsetDateTime since = null;
        if (updatedSince != null) {
            try {
                // any ISO-8601 offset, Z included (a generated client writes +08:00)
                since = OffsetDateTime.parse(updatedSince).withOffsetSameInstant(ZoneOffset.UTC);
                if (since.getYear() < 1970 || since.getYear() > 9999) {
                    errors.add("updatedSince", "must be between 1970 and 9999");
                }
            } catch (DateTimeParseException e) {
                errors.add("updatedSince", "must be an ISO-8601 instant such as 2026-12-01T00:00:00Z"
                        + " or 2026-12-01T08:00:00+08:00");
            }
        }
        Position after = null;
        if (cursor != null) {
            after = decode(cursor);
            if (after == null) {
                errors.add("cursor", "is not a cursor this service gave (take nextCursor as it is)");
            }
        }
        errors.throwIfAny();
        return Optional.of(new SyncWindow(Optional.ofNullable(since), Optional.ofNullable(after)));
    }

    private static Position decode(String cursor) {
        if (cursor.length() > 200) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split(":");
            if (parts.length != 3 || !parts[0].equals(VERSION)) {
                return null;
            }
            long micros = Long.parseLong(parts[1]);
            Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L),
                    Math.floorMod(micros, 1_000_000L) * 1_000L);
            UUID id = UUID.fromString(parts[2]);
            return id.toString().equals(parts[2]) ? new Position(at.atOffset(ZoneOffset.UTC), id) : null;
        } catch (IllegalArgumentException | java.time.DateTimeException | ArithmeticException e) {
            return null;
        }
    }

    /** The page's answer: nextCursor after its last item, or the cursor it was read from when it is empty. */
    public String nextCursor(Optional<Position> last) {
        return last.map(Position::cursor).orElse(after.map(Position::cursor).orElse(null));
    }
}
