package com.ipledge.service.web;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The per-instance request limits, {@code ipledge.*} (README, Configuration): requests per second per API key,
 * failing credentials per minute per client address, and how many keys or addresses each limiter tracks at most.
 * The defaults live once, in application.yml.
 */
@ConfigurationProperties("ipledge")
public record RateLimits(int rateLimitPerKey, int authFailuresPerMinute, int rateLimitTracked) {
}
