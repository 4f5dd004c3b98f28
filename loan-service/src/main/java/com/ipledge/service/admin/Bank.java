package com.ipledge.service.admin;

import io.micronaut.core.annotation.Introspected;
import java.time.OffsetDateTime;
import java.util.UUID;

@Introspected
public record Bank(UUID id, String code, String name, OffsetDateTime createdAt) {
}
