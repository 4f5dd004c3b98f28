package com.ipledge.service.security;

import java.util.UUID;

/** A stored API key: only its hash is kept. */
public record ApiKey(UUID id, Role role, UUID bankId, String label, String keyPrefix) {
}
