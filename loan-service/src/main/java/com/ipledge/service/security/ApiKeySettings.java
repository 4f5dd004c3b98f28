package com.ipledge.service.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * How long an instance may hold an active API key it has read, {@code ipledge.api-keys.*} (README, Configuration):
 * a bound for a change notice that never came ({@link ActiveKeys}). The default lives once, in application.yml.
 */
@ConfigurationProperties("ipledge.api-keys")
record ApiKeySettings(Duration cacheTtl) {
}
