package com.ipledge.service.health;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * Whether readiness waits for the engines to be warm, and for at most how long, {@code ipledge.warm-up.*}
 * (README, Configuration). The defaults live once, in application.yml.
 */
@ConfigurationProperties("ipledge.warm-up")
record WarmUpSettings(boolean enabled, Duration maxDuration) {
}
