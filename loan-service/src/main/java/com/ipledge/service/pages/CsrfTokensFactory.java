package com.ipledge.service.pages;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The CSRF tokens of the SME form and of the bureau pages: one secret ({@code ipledge.pages.csrf-secret},
 * environment {@code IPLEDGE_PAGES_SECRET}; every instance behind a load balancer needs the same one), a key
 * derived per family so that a token of one is worthless on the other, and a cookie per family.
 */
@Factory
public class CsrfTokensFactory {
    public static final String APPLY = "apply";
    public static final String BUREAU = "bureau";
    public static final String APPLY_COOKIE = "ipledge_csrf";
    public static final String BUREAU_COOKIE = "ipledge_bureau_csrf";
    private static final Logger LOG = LoggerFactory.getLogger(CsrfTokensFactory.class);

    private final byte[] secret;

    CsrfTokensFactory(PageSecrets settings) {
        String secret = settings.csrfSecret();
        if (secret == null || secret.isBlank()) {
            LOG.warn("ipledge.pages.csrf-secret is not set: using a random key, so form pages do not survive a "
                    + "restart and instances do not share them; set IPLEDGE_PAGES_SECRET when running several");
            this.secret = new byte[32];
            new SecureRandom().nextBytes(this.secret);
        } else {
            this.secret = secret.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Singleton
    @Named(APPLY)
    CsrfTokens applyForm() {
        return new CsrfTokens(APPLY_COOKIE, "/", secret);
    }

    @Singleton
    @Named(BUREAU)
    CsrfTokens bureauPages() {
        return new CsrfTokens(BUREAU_COOKIE, "/bureau", keyFor(BUREAU));
    }

    private byte[] keyFor(String family) {
        byte[] prefix = (family + ":").getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[prefix.length + secret.length];
        System.arraycopy(prefix, 0, key, 0, prefix.length);
        System.arraycopy(secret, 0, key, prefix.length, secret.length);
        return key;
    }
}
