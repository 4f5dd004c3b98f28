package com.ipledge.service.audit;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/**
 * {@code ipledge.audit.signing-key}: the Ed25519 key that signs tree heads, base64 PKCS#8 (blank: generated once and
 * kept in the database).
 */
@ConfigurationProperties("ipledge.audit")
record AuditSettings(@Nullable String signingKey) {
}
