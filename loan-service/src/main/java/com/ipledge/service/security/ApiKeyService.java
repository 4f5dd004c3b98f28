package com.ipledge.service.security;

import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/**
 * The stored API keys as other features use them: admin issues and revokes, the bootstrap and the demo seed, batch
 * checks its uploader. Only hashes are stored; callers hash with {@link ApiKeys}.
 */
@Singleton
public class ApiKeyService {
    private final ApiKeyRepository keys;

    public ApiKeyService(ApiKeyRepository keys) {
        this.keys = keys;
    }

    public ApiKey insert(String keyHash, String keyPrefix, Role role, UUID bankId, String label, OffsetDateTime now) {
        return keys.insert(keyHash, keyPrefix, role, bankId, label, now);
    }

    /** Inserts a key with this hash unless it exists (demo keys are deterministic, so a restart must not fail). */
    public void insertIfAbsent(String keyHash, String keyPrefix, Role role, UUID bankId, String label,
                               OffsetDateTime now) {
        keys.insertIfAbsent(keyHash, keyPrefix, role, bankId, label, now);
    }

    public Optional<ApiKey> findActiveByHash(String keyHash) {
        return keys.findActiveByHash(keyHash);
    }

    public boolean anyActiveWithRole(Role role) {
        return keys.anyActiveWithRole(role);
    }

    /** The key, its row locked until the transaction ends. */
    public Optional<ApiKeyStatus> lock(UUID id) {
        return keys.lock(id);
    }

    /** Active keys of a role, their rows locked: two admins revoking each other's keys at once are serialised. */
    public int lockActiveWithRole(Role role) {
        return keys.lockActiveWithRole(role);
    }

    public void revoke(UUID id, OffsetDateTime now) {
        keys.revoke(id, now);
    }

    /** Whether this principal is an API key that has been revoked (a web user or an active key: false). */
    public boolean isRevoked(UUID principalId) {
        return keys.isRevoked(principalId);
    }
}
