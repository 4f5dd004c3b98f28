package com.ipledge.service.security;

import java.time.OffsetDateTime;

/** A key and when it was revoked ({@code null} while it is active). */
public record ApiKeyStatus(ApiKey key, OffsetDateTime revokedAt) {
}
