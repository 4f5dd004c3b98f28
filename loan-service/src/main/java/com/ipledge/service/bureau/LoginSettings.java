package com.ipledge.service.bureau;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * The bureau sign-in's back-off, {@code ipledge.pages.login-*} (README, Configuration): failures that are free,
 * the first lock and the longest one, and the pause before a failed sign-in is answered. The defaults live once,
 * in application.yml.
 */
@ConfigurationProperties("ipledge.pages")
record LoginSettings(int loginFreeFailures, Duration loginLockBase, Duration loginLockMax, long loginFailureDelayMs) {
}
