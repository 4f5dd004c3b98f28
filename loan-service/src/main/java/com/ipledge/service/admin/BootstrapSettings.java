package com.ipledge.service.admin;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** {@code ipledge.bootstrap-admin-key}: the ADMIN key created at start when no admin exists (blank: none). */
@ConfigurationProperties("ipledge")
record BootstrapSettings(@Nullable String bootstrapAdminKey) {
}
