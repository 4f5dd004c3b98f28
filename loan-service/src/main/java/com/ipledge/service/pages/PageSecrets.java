package com.ipledge.service.pages;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.annotation.Nullable;

/** {@code ipledge.pages.csrf-secret}: the key that signs the pages' CSRF cookies (blank: random per start). */
@ConfigurationProperties("ipledge.pages")
record PageSecrets(@Nullable String csrfSecret) {
}
