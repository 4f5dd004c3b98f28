package com.ipledge.service.pages;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The anonymous form's throttle, {@code ipledge.pages.apply.*} (README, Configuration): form posts per client
 * address and filings per bank, each a burst of that many per minute. The defaults live once, in application.yml.
 */
@ConfigurationProperties("ipledge.pages.apply")
record ApplyLimits(int perAddressPerMinute, int perBankPerMinute) {
}
