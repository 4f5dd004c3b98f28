package com.ipledge.service.pages;

import com.ipledge.service.web.TokenBuckets;
import com.ipledge.service.web.RateLimits;
import jakarta.inject.Singleton;
import java.util.UUID;

/**
 * Throttles the anonymous form so that no script floods a bank's queue: every POST counts against its client
 * address, and every filing that reaches a bank against that bank. Each limit is a burst of that many, refilled
 * over a minute. Per instance, like the API's rate limit.
 */
@Singleton
public class ApplyThrottle {
    private final TokenBuckets addresses;
    private final TokenBuckets banks;

    ApplyThrottle(ApplyLimits limits, RateLimits rateLimits) {
        int perAddress = limits.perAddressPerMinute();
        int perBank = limits.perBankPerMinute();
        this.addresses = new TokenBuckets(perAddress / 60.0, perAddress, rateLimits.rateLimitTracked());
        this.banks = new TokenBuckets(perBank / 60.0, perBank, rateLimits.rateLimitTracked());
    }

    /** Takes a submission from this address: 0 when allowed, else the seconds until one is. */
    double fromAddress(String address) {
        return addresses.get(address, System.nanoTime()).take(System.nanoTime());
    }

    /** Takes a filing for this bank: 0 when allowed, else the seconds until one is. */
    double forBank(UUID bankId) {
        return banks.get(bankId.toString(), System.nanoTime()).take(System.nanoTime());
    }
}
